using System.Globalization;
using Lucene.Net.Index;
using Lucene.Net.Queries;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Gongkai.Infrastructure.Search;

/// <summary>
/// Builds Lucene queries from what a visitor typed, programmatically: no query syntax is parsed, so quotes, brackets,
/// AND or * are just characters and can never make a search fail.
/// </summary>
internal sealed class SearchQueries(SearchAnalyzers analyzers)
{
    /// <summary>The words of the text: split on any white space (also the full-width space), at most 100 characters.</summary>
    public static string[] Words(string text)
    {
        var limited = text.Length > SearchQuery.MaxTextLength ? text[..SearchQuery.MaxTextLength] : text;
        return limited.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
    }

    /// <summary>
    /// The text as two queries. <c>Match</c> decides which documents match: every word, as a phrase of bigrams, in
    /// the title, 文号, keywords, body or attachments (a Han word of 3 or more characters in the body and attachments
    /// as one gram or a phrase of 4-grams: the same documents, read much faster) (or the whole 文号 or 索引号 typed exactly). <c>Rank</c> only adds to
    /// the score of documents where SmartCn finds the same words. Both null when there is no text; <c>Searchable</c>
    /// is false when there was text but nothing in it can be searched (only punctuation).
    /// </summary>
    public (Query? Match, Query? Rank, bool Searchable) Text(string text)
    {
        var words = Words(text);
        if (words.Length == 0)
        {
            return (null, null, true);
        }

        var match = new BooleanQuery();
        var rank = new BooleanQuery();
        foreach (var word in words)
        {
            var phrase = analyzers.Phrase(word);
            if (phrase.Count == 0)
            {
                continue;
            }

            var any = new BooleanQuery();
            var grams = SearchAnalyzers.GramPhrase(word);
            foreach (var (field, boost) in SearchFields.Searched)
            {
                var q = grams is not null && SearchFields.Grammed.Contains(field) ? Phrase(SearchFields.Grams(field), grams) : Phrase(field, phrase);
                q.Boost = boost;
                any.Add(q, Occur.SHOULD);
            }

            any.Add(new TermQuery(new Term(SearchFields.DocumentNumberExact, DocumentNumbers.Normalize(word))) { Boost = 4f }, Occur.SHOULD);
            any.Add(new TermQuery(new Term(SearchFields.IndexNumber, word)) { Boost = 4f }, Occur.SHOULD);
            match.Add(any, Occur.MUST);

            foreach (var (term, _) in SearchAnalyzers.Tokens(analyzers.Words, SearchFields.Words(SearchFields.Body), word).Select(t => (t.Term, t.Position)).Distinct())
            {
                foreach (var (field, boost) in SearchFields.Worded)
                {
                    rank.Add(new TermQuery(new Term(SearchFields.Words(field), term)) { Boost = boost }, Occur.SHOULD);
                }
            }
        }

        return match.Clauses.Count == 0 ? (null, null, false) : (match, rank.Clauses.Count == 0 ? null : rank, true);
    }

    private static Query Phrase(string field, List<(string Term, int Position)> terms)
    {
        if (terms.Count == 1)
        {
            return new TermQuery(new Term(field, terms[0].Term));
        }

        var phrase = new PhraseQuery();
        foreach (var (term, position) in terms)
        {
            phrase.Add(new Term(field, term), position);
        }

        return phrase;
    }

    /// <summary>
    /// The filters Lucene applies before counting: the agencies and validity. Year, type, category and issuer are
    /// applied while collecting (<see cref="FacetingCollector"/>), so that each can be counted without its own filter.
    /// Null when nothing is filtered.
    /// </summary>
    public static Filter? Filter(SearchQuery query)
    {
        var all = new BooleanQuery();
        if (query.AgencyIds is { } agencies)
        {
            var terms = agencies.Distinct().Select(a => new BytesRef(a.ToString(CultureInfo.InvariantCulture))).ToList();
            all.Add(new ConstantScoreQuery(new TermsFilter(SearchFields.Agency, terms)), Occur.MUST);
        }

        if (query.InForceOn is { } day)
        {
            all.Add(NumericRangeQuery.NewInt32Range(SearchFields.EndsOn, day.DayNumber + 1, int.MaxValue, true, true), Occur.MUST);
        }

        return all.Clauses.Count == 0 ? null : new QueryWrapperFilter(all);
    }
}
