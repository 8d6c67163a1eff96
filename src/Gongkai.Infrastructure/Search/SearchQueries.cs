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
    /// is false when there was text but nothing in it can be searched (only punctuation). <c>Heading</c> matches the
    /// documents that hold every word in their title, 文号 or keywords (a subset of <c>Match</c>): the ones a bounded
    /// search never leaves out (<see cref="PublicationSearch.MatchBudget"/>).
    /// </summary>
    public (Query? Match, Query? Rank, bool Searchable) Text(string text)
    {
        var (match, rank, _, searchable) = Parts(text);
        return (match, rank, searchable);
    }

    /// <summary>As <see cref="Text"/>, with the heading query.</summary>
    public (Query? Match, Query? Rank, Query? Heading, bool Searchable) Parts(string text)
    {
        var words = Words(text);
        if (words.Length == 0)
        {
            return (null, null, null, true);
        }

        var match = new BooleanQuery();
        var rank = new BooleanQuery();
        var heading = new BooleanQuery();
        foreach (var word in words)
        {
            var phrase = analyzers.Phrase(word);
            if (phrase.Count == 0)
            {
                continue;
            }

            var any = new BooleanQuery();
            var inHeading = new BooleanQuery();
            var grams = SearchAnalyzers.GramPhrase(word);
            foreach (var (field, boost) in SearchFields.Searched)
            {
                var q = grams is not null && SearchFields.Grammed.Contains(field) ? Phrase(SearchFields.Grams(field), grams) : Phrase(field, phrase);
                q.Boost = boost;
                any.Add(q, Occur.SHOULD);
                if (!SearchFields.Grammed.Contains(field))
                {
                    inHeading.Add(q, Occur.SHOULD);
                }
            }

            foreach (var exact in new[] { new TermQuery(new Term(SearchFields.DocumentNumberExact, DocumentNumbers.Normalize(word))) { Boost = 4f }, new TermQuery(new Term(SearchFields.IndexNumber, word)) { Boost = 4f } })
            {
                any.Add(exact, Occur.SHOULD);
                inHeading.Add(exact, Occur.SHOULD);
            }

            match.Add(any, Occur.MUST);
            heading.Add(inHeading, Occur.MUST);

            foreach (var (term, _) in SearchAnalyzers.Tokens(analyzers.Words, SearchFields.Words(SearchFields.Body), word).Select(t => (t.Term, t.Position)).Distinct())
            {
                foreach (var (field, boost) in SearchFields.Worded)
                {
                    rank.Add(new TermQuery(new Term(SearchFields.Words(field), term)) { Boost = boost }, Occur.SHOULD);
                }
            }
        }

        return match.Clauses.Count == 0 ? (null, null, null, false) : (match, rank.Clauses.Count == 0 ? null : rank, heading, true);
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
    public static Filter? Filter(SearchQuery query, Query? also = null)
    {
        var all = new BooleanQuery();
        if (also is not null)
        {
            all.Add(also, Occur.MUST);
        }

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
