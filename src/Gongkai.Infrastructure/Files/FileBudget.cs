using System.Xml;

namespace Gongkai.Infrastructure.Files;

/// <summary>
/// What one read of one untrusted file has used so far, against <see cref="UntrustedFileLimits"/>: every reader counts
/// here as it goes, so a file is refused at the first element, line, cell or byte over a limit, never after it has been
/// built in memory. The token stops the read when its time budget runs out or the client goes away.
/// </summary>
public sealed class FileBudget(UntrustedFileLimits limits, CancellationToken cancellation = default)
{
    private long _elements;
    private long _text;
    private long _rows;
    private long _cells;
    private long _unpacked;

    public UntrustedFileLimits Limits => limits;

    public CancellationToken Cancellation => cancellation;

    /// <summary>A budget with the default limits and no time limit, for trusted callers (the CLI, tests, our own exports).</summary>
    public static FileBudget Unhurried() => new(UntrustedFileLimits.Default);

    public void Check() => cancellation.ThrowIfCancellationRequested();

    /// <summary>One more XML or HTML element, at <paramref name="depth"/> (the root is 0).</summary>
    public void Element(int depth)
    {
        if (++_elements > limits.MaxElements)
        {
            throw UntrustedFileException.Unreadable($"文件结构过于复杂（超过 {limits.MaxElements} 个元素），已拒绝。");
        }

        if (depth > limits.MaxDepth)
        {
            throw UntrustedFileException.Unreadable($"文件的嵌套层数超过 {limits.MaxDepth} 层，结构异常，已拒绝。");
        }

        if ((_elements & 0x3FF) == 0)
        {
            Check();
        }
    }

    /// <summary>Reads the next XML node, counting elements and their depth.</summary>
    public bool Read(XmlReader xml)
    {
        if (!xml.Read())
        {
            return false;
        }

        if (xml.NodeType == XmlNodeType.Element)
        {
            Element(xml.Depth);
        }

        return true;
    }

    /// <summary>Characters of text taken out of the file.</summary>
    public void Text(long characters)
    {
        _text += characters;
        if (_text > limits.MaxTextCharacters)
        {
            throw UntrustedFileException.TooLarge($"文件中的文字超过 {UntrustedFiles.Characters(limits.MaxTextCharacters)}，已拒绝。");
        }
    }

    /// <summary>One more row of a sheet or line of a text.</summary>
    public void Row()
    {
        if (++_rows > limits.MaxRows)
        {
            throw UntrustedFileException.TooLarge($"文件超过 {limits.MaxRows} 行，已拒绝。");
        }

        if ((_rows & 0xFF) == 0)
        {
            Check();
        }
    }

    /// <summary>A line of text: one row, and its characters.</summary>
    public string Line(string line)
    {
        Row();
        Text(line.Length + 1);
        return line;
    }

    /// <summary>Cells of a sheet, empty ones that only pad a row included.</summary>
    public void Cells(long count)
    {
        _cells += count;
        if (_cells > limits.MaxCells)
        {
            throw UntrustedFileException.TooLarge($"表格超过 {limits.MaxCells} 个单元格，已拒绝。");
        }
    }

    /// <summary>A cell that holds a value, in zero-based <paramref name="column"/>.</summary>
    public void Column(int column)
    {
        if (column >= limits.MaxColumns)
        {
            throw UntrustedFileException.TooLarge($"表格超过 {limits.MaxColumns} 列，已拒绝。");
        }
    }

    /// <summary>Bytes unpacked from one stream of a PDF: counted against the per-stream and total limits.</summary>
    public void Unpacked(long stream, long added)
    {
        _unpacked += added;
        if (stream > limits.MaxEntryBytes)
        {
            throw UntrustedFileException.TooLarge($"文件中有一个数据流解压后超过 {UntrustedFiles.Megabytes(limits.MaxEntryBytes)}，可能是压缩炸弹，已拒绝。");
        }

        if (_unpacked > limits.MaxUnpackedBytes)
        {
            throw UntrustedFileException.TooLarge($"文件解压后超过 {UntrustedFiles.Megabytes(limits.MaxUnpackedBytes)}，可能是压缩炸弹，已拒绝。");
        }
    }

    /// <summary>
    /// Whether page <paramref name="number"/> (1-based) may be read. Past the limit, a reader that needs every page
    /// is refused; one that only samples (search) stops.
    /// </summary>
    public bool Page(int number, bool refuseMore)
    {
        Check();
        if (number <= limits.MaxPdfPages)
        {
            return true;
        }

        return refuseMore ? throw UntrustedFileException.TooLarge($"PDF 超过 {limits.MaxPdfPages} 页，已拒绝。") : false;
    }
}
