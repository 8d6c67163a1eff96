namespace Gongkai.Infrastructure.Files;

/// <summary>
/// How many uploaded files the anonymous report checker reads at once (<see cref="UntrustedFileLimits.MaxConcurrentChecks"/>,
/// default one per processor). A check that finds every slot taken waits <see cref="UntrustedFileLimits.QueueWait"/>, then
/// is refused with 503; each admitted check runs on its own thread with the time budget, and the caller gets 503 when
/// the budget runs out even if a parser has not yet noticed.
/// </summary>
public sealed class UntrustedFileGate(UntrustedFileLimits limits)
{
    /// <summary>What a refused client is told to wait, in seconds (Retry-After).</summary>
    public const int RetryAfterSeconds = 10;

    // No wait handle is ever asked of it, so it needs no disposing.
    private readonly SemaphoreSlim _slots = new(Math.Max(1, limits.MaxConcurrentChecks));

    public UntrustedFileLimits Limits => limits;

    public static UntrustedFileException Busy() =>
        UntrustedFileException.Unavailable($"检查服务正忙（同时检查的文件已达上限），请 {RetryAfterSeconds} 秒后再试；批量检查请使用命令行 gongkai check。");

    public async Task<T> RunAsync<T>(Func<FileBudget, T> read, CancellationToken aborted)
    {
        if (!await _slots.WaitAsync(limits.QueueWait, aborted))
        {
            throw Busy();
        }

        var timer = CancellationTokenSource.CreateLinkedTokenSource(aborted);
        var token = timer.Token;
        timer.CancelAfter(limits.TimeBudget);
        Task<T> running;
        try
        {
            running = Task.Run(() => read(new FileBudget(limits, token)), CancellationToken.None);
        }
        catch
        {
            timer.Dispose();
            _slots.Release();
            throw;
        }

        // The slot is given back when the read has really stopped, not when the answer leaves: a parser that is slow to
        // notice its budget keeps its slot, so no more than MaxConcurrentChecks files are ever being read.
        _ = running.ContinueWith(t => { _ = t.Exception; _slots.Release(); }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        try
        {
            return await running.WaitAsync(token);
        }
        catch (OperationCanceledException) when (timer.IsCancellationRequested && !aborted.IsCancellationRequested)
        {
            throw UntrustedFiles.TimedOut(limits.TimeBudget);
        }
        finally
        {
            _ = running.ContinueWith(_ => timer.Dispose(), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }
    }
}
