namespace Gongkai.Infrastructure.Files;

// Spreadsheet cell references, refused beyond Excel's own range.
public static partial class UntrustedFiles
{
    /// <summary>Excel's last column (XFD) and row.</summary>
    public const int ExcelColumns = 16_384;

    public const int ExcelRows = 1_048_576;

    /// <summary>
    /// The zero-based column of a cell reference like "B7" (null when there is none), read without allocating;
    /// a reference beyond XFD1048576 is refused as damage.
    /// </summary>
    public static int? Column(string? reference)
    {
        if (string.IsNullOrEmpty(reference))
        {
            return null;
        }

        var column = 0;
        var i = 0;
        for (; i < reference.Length && char.IsAsciiLetter(reference[i]); i++)
        {
            column = (column * 26) + (char.ToUpperInvariant(reference[i]) - 'A' + 1);
            if (column > ExcelColumns)
            {
                throw BadReference(reference);
            }
        }

        var row = 0;
        for (; i < reference.Length && char.IsAsciiDigit(reference[i]); i++)
        {
            row = (row * 10) + (reference[i] - '0');
            if (row > ExcelRows)
            {
                throw BadReference(reference);
            }
        }

        if (column == 0 || i != reference.Length || row == 0)
        {
            throw BadReference(reference);
        }

        return column - 1;
    }

    private static UntrustedFileException BadReference(string reference) =>
        UntrustedFileException.Unreadable($"表格中的单元格位置“{Excerpt(reference, 20)}”超出 Excel 的范围（最大 XFD1048576），文件已损坏，已拒绝。");
}
