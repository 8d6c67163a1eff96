using System.Runtime.InteropServices;

namespace Gongkai.Infrastructure;

/// <summary>
/// The data directory holds the database, mail waiting to be sent and the search index: applicants' personal data.
/// It is made readable by the service's own user only (0700), and every file the process creates is 0600
/// (a umask of 077), so that another account on the host cannot read what the service writes.
/// </summary>
public static class DataDirectory
{
    public const UnixFileMode Private = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    public static void EnsurePrivate(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(path);
            return;
        }

        RestrictNewFiles();
        if (!Directory.Exists(path))
        {
            Directory.CreateDirectory(path, Private);
        }
        else if (File.GetUnixFileMode(path).HasFlag(UnixFileMode.StickyBit))
        {
            // A shared folder such as /tmp: making it private would lock every other user and service out of it.
            throw new InvalidOperationException($"Gongkai:DataDirectory '{path}' is a shared folder (like /tmp): give Gongkai a folder of its own.");
        }

        File.SetUnixFileMode(path, Private);
    }

    /// <summary>From now on files and folders this process creates get no group or other permissions.</summary>
    public static void RestrictNewFiles()
    {
        if (!OperatingSystem.IsWindows())
        {
            _ = Umask(0b000_111_111);
        }
    }

    /// <summary>Writes a file that only the service's user may read, however the process's umask is set.</summary>
    public static void WritePrivateFile(string path, string contents)
    {
        if (OperatingSystem.IsWindows())
        {
            File.WriteAllText(path, contents);
            return;
        }

        using var stream = new FileStream(path, new FileStreamOptions
        {
            Mode = FileMode.Create,
            Access = FileAccess.Write,
            UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite,
        });
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        using var writer = new StreamWriter(stream);
        writer.Write(contents);
    }

    // A plain call with blittable arguments: DllImport needs no unsafe code, unlike the source-generated LibraryImport.
#pragma warning disable SYSLIB1054
    [DllImport("libc", EntryPoint = "umask")]
    private static extern uint Umask(uint mask);
#pragma warning restore SYSLIB1054
}
