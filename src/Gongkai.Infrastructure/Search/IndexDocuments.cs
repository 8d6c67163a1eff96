using System.Globalization;
using Gongkai.Core.Publications;
using Lucene.Net.Documents;
using Lucene.Net.Util;

namespace Gongkai.Infrastructure.Search;

/// <summary>A <see cref="SearchDocument"/> as Lucene fields, and back as the stored values a hit shows.</summary>
internal static class IndexDocuments
{
    /// <summary>The day a document stops being in force (repealed or expired), or never.</summary>
    public static int EndsOn(DateOnly? repealedOn, DateOnly? expiredOn) =>
        Math.Min(repealedOn?.DayNumber ?? int.MaxValue, expiredOn?.DayNumber ?? int.MaxValue);

    public static string Key(long id) => id.ToString(CultureInfo.InvariantCulture);

    public static Document ToLucene(SearchDocument d)
    {
        var doc = new Document
        {
            new StringField(SearchFields.Id, Key(d.Id), Field.Store.YES),
            new NumericDocValuesField(SearchFields.IdOrder, d.Id),
            new StringField(SearchFields.Agency, d.AgencyId.ToString(CultureInfo.InvariantCulture), Field.Store.NO),
            new StringField(SearchFields.IndexNumber, d.IndexNumber, Field.Store.NO),
            new StringField(SearchFields.Issuer, d.Issuer, Field.Store.YES),
            new SortedDocValuesField(SearchFields.Issuer, new BytesRef(d.Issuer)),
            new StringField(SearchFields.Type, d.Type.ToString(), Field.Store.YES),
            new SortedDocValuesField(SearchFields.Type, new BytesRef(d.Type.ToString())),
            new Int32Field(SearchFields.Year, d.PublishedOn.Year, Field.Store.NO),
            new NumericDocValuesField(SearchFields.Year, d.PublishedOn.Year),
            new StoredField(SearchFields.PublishedOn, d.PublishedOn.DayNumber),
            new NumericDocValuesField(SearchFields.PublishedOn, d.PublishedOn.DayNumber),
            new StoredField(SearchFields.WrittenOn, d.WrittenOn.DayNumber),
            new Int32Field(SearchFields.EndsOn, EndsOn(d.RepealedOn, d.ExpiredOn), Field.Store.NO),
        };
        if (d.RepealedOn is { } repealed)
        {
            doc.Add(new StoredField(SearchFields.RepealedOn, repealed.DayNumber));
        }

        if (d.ExpiredOn is { } expired)
        {
            doc.Add(new StoredField(SearchFields.ExpiredOn, expired.DayNumber));
        }

        if (d.Category is { Length: > 0 } category)
        {
            doc.Add(new StringField(SearchFields.Category, category, Field.Store.YES));
            doc.Add(new SortedDocValuesField(SearchFields.Category, new BytesRef(category)));
        }

        if (d.InterpretsId is { } interprets)
        {
            doc.Add(new StringField(SearchFields.Interprets, Key(interprets), Field.Store.YES));
        }

        if (d.DocumentNumber is { Length: > 0 } number)
        {
            doc.Add(new TextField(SearchFields.DocumentNumber, number, Field.Store.YES));
            doc.Add(new StringField(SearchFields.DocumentNumberExact, DocumentNumbers.Normalize(number), Field.Store.NO));
        }

        AddText(doc, SearchFields.Title, d.Title);
        AddText(doc, SearchFields.Keywords, d.Keywords);
        AddText(doc, SearchFields.Body, d.Body);
        AddText(doc, SearchFields.Attachments, d.AttachmentText);
        return doc;
    }

    /// <summary>
    /// Stored for the snippets, indexed twice: bigrams (what matches) and SmartCn words (what ranks). The words are
    /// found in at most <see cref="SearchFields.WordedLength"/> characters of a text: word segmentation is the costliest
    /// analysis per character (bench/README.md), and the title and a document's opening say what it is about.
    /// </summary>
    private static void AddText(Document doc, string field, string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return;
        }

        doc.Add(new TextField(field, text, Field.Store.YES));
        doc.Add(new TextField(SearchFields.Words(field), Lead(text), Field.Store.NO));
        if (SearchFields.Grammed.Contains(field))
        {
            doc.Add(new TextField(SearchFields.Grams(field), text, Field.Store.NO));
        }
    }

    /// <summary>The first <see cref="SearchFields.WordedLength"/> characters, not cutting a character in half.</summary>
    internal static string Lead(string text)
    {
        if (text.Length <= SearchFields.WordedLength)
        {
            return text;
        }

        var cut = char.IsHighSurrogate(text[SearchFields.WordedLength - 1]) ? SearchFields.WordedLength - 1 : SearchFields.WordedLength;
        return text[..cut];
    }

    /// <summary>The stored values of a hit.</summary>
    public sealed record Stored(long Id, string Title, string? DocumentNumber, string Issuer, string? Category, PublicationType Type,
        DateOnly PublishedOn, DateOnly? RepealedOn, DateOnly? ExpiredOn, string Body, string Attachments, long? InterpretsId)
    {
        public bool InForceOn(DateOnly day) => EndsOn(RepealedOn, ExpiredOn) > day.DayNumber;

        /// <summary>有效性 on <paramref name="day"/>; only 规章 and 规范性文件 have one.</summary>
        public string ValidityOn(DateOnly day) =>
            RepealedOn <= day ? "已废止" : ExpiredOn <= day ? "已失效" : Type == PublicationType.Other ? "—" : "现行有效";
    }

    public static Stored Read(Document doc)
    {
        static DateOnly? Day(Document doc, string field) =>
            doc.GetField(field)?.GetInt32Value() is { } n ? DateOnly.FromDayNumber(n) : null;

        return new Stored(
            long.Parse(doc.Get(SearchFields.Id, CultureInfo.InvariantCulture), CultureInfo.InvariantCulture),
            doc.Get(SearchFields.Title, CultureInfo.InvariantCulture) ?? "",
            doc.Get(SearchFields.DocumentNumber, CultureInfo.InvariantCulture),
            doc.Get(SearchFields.Issuer, CultureInfo.InvariantCulture) ?? "",
            doc.Get(SearchFields.Category, CultureInfo.InvariantCulture),
            Enum.TryParse<PublicationType>(doc.Get(SearchFields.Type, CultureInfo.InvariantCulture), out var type) ? type : PublicationType.Other,
            Day(doc, SearchFields.PublishedOn) ?? default,
            Day(doc, SearchFields.RepealedOn),
            Day(doc, SearchFields.ExpiredOn),
            doc.Get(SearchFields.Body, CultureInfo.InvariantCulture) ?? "",
            doc.Get(SearchFields.Attachments, CultureInfo.InvariantCulture) ?? "",
            doc.Get(SearchFields.Interprets, CultureInfo.InvariantCulture) is { } interprets ? long.Parse(interprets, CultureInfo.InvariantCulture) : null);
    }
}
