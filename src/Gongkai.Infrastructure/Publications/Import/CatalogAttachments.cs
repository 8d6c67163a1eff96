using System.Security.Cryptography;
using Gongkai.Infrastructure.Files;

namespace Gongkai.Infrastructure.Publications.Import;

/// <summary>An attachment of an imported document, checked: where it is, and what <see cref="PublicationFiles.Check"/> found.</summary>
public sealed record CatalogAttachment(string Path, string FileName, string ContentType, string Sha256, long Size, string Text);

/// <summary>
/// The attachments an import file names, by paths relative to its folder. A path that leads out of the folder (an
/// absolute path, “..”, a symbolic link) is refused; each file is vetted by the policy every uploaded attachment meets
/// (<see cref="PublicationFiles.Check"/> within <see cref="UntrustedFileLimits"/> and their time budget). A file
/// named by several rows is checked once. Only what was found is kept, not the bytes: they are read again, and must
/// be unchanged, when written.
/// </summary>
public sealed class CatalogAttachments(string folder, UntrustedFileLimits limits)
{
    private readonly string _folder = Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder)) + Path.DirectorySeparatorChar;
    private readonly Dictionary<string, (CatalogAttachment? File, string? Refusal)> _checked = new(StringComparer.Ordinal);

    /// <summary>The checked attachment, or why it is refused (a Chinese phrase without the full stop).</summary>
    public async Task<(CatalogAttachment? File, string? Refusal)> CheckAsync(string relative, CancellationToken ct)
    {
        var shown = UntrustedFiles.Excerpt(relative, 80);
        var normalized = relative.Replace('\\', '/').Replace('/', Path.DirectorySeparatorChar);
        if (Path.IsPathRooted(normalized))
        {
            return (null, $"附件路径“{shown}”应为相对于导入文件所在文件夹的路径");
        }

        var full = Path.GetFullPath(Path.Combine(_folder, normalized));
        if (!full.StartsWith(_folder, StringComparison.Ordinal))
        {
            return (null, $"附件路径“{shown}”指向导入文件所在文件夹之外，已拒绝");
        }

        if (_checked.TryGetValue(full, out var known))
        {
            return known;
        }

        var result = await CheckFileAsync(full, shown, ct);
        _checked[full] = result;
        return result;
    }

    /// <summary>The bytes of a checked attachment, read again; refused when the file changed since it was checked.</summary>
    public static async Task<byte[]> ReadAsync(CatalogAttachment attachment, CancellationToken ct)
    {
        byte[] content;
        try
        {
            content = await File.ReadAllBytesAsync(attachment.Path, ct);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CatalogImportException($"导入时无法再次读取附件“{attachment.FileName}”，已全部撤销，没有导入任何文件。");
        }

        return Convert.ToHexStringLower(SHA256.HashData(content)) == attachment.Sha256
            ? content
            : throw new CatalogImportException($"附件“{attachment.FileName}”在检查之后被改动，已全部撤销，没有导入任何文件；请重新导入。");
    }

    private async Task<(CatalogAttachment? File, string? Refusal)> CheckFileAsync(string full, string shown, CancellationToken ct)
    {
        // Every folder below the import file's, and the file itself, must be what it says: a link could lead anywhere.
        for (var path = full; path.Length > _folder.Length; path = Path.GetDirectoryName(path)!)
        {
            if (new FileInfo(path).LinkTarget is not null)
            {
                return (null, $"附件路径“{shown}”经过符号链接，已拒绝（只导入导入文件所在文件夹中的普通文件）");
            }
        }

        if (!File.Exists(full))
        {
            return (null, $"找不到附件“{shown}”");
        }

        byte[] content;
        try
        {
            await using var stream = File.OpenRead(full);
            // One byte past the limit is enough for the policy to refuse it with its own words.
            content = new byte[Math.Min(stream.Length, PublicationFiles.MaxBytes + 1)];
            await stream.ReadExactlyAsync(content, ct);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return (null, $"无法读取附件“{shown}”");
        }

        try
        {
            var (file, refusal) = UntrustedFiles.Run(limits, ct, budget => PublicationFiles.Check(Path.GetFileName(full), content, budget));
            return file is null
                ? (null, refusal!.Message.TrimEnd('。'))
                : (new CatalogAttachment(full, file.FileName, file.ContentType, file.Sha256, content.Length, file.Text), null);
        }
        catch (UntrustedFileException e)
        {
            return (null, $"附件“{shown}”：{e.Message.TrimEnd('。')}");
        }
    }
}
