using Gongkai.Infrastructure.Requests;

namespace Gongkai.Web.Requests;

/// <summary>Retries queued e-mails every few minutes, so a mail server that was down catches up on its own.</summary>
public sealed class MailOutboxService(IServiceScopeFactory scopes, ILogger<MailOutboxService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(5));
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                using var scope = scopes.CreateScope();
                var sent = await scope.ServiceProvider.GetRequiredService<Mailer>().SendPendingAsync(null, stoppingToken);
                if (sent > 0)
                {
                    // Counts only: addresses and contents are personal data and never logged.
                    logger.LogInformation("Sent {Count} queued e-mails.", sent);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning("Sending queued e-mails failed: {Error}", e.GetType().Name);
            }
        }
    }
}
