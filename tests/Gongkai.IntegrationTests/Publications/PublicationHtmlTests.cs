using Gongkai.Infrastructure.Publications;

namespace Gongkai.IntegrationTests.Publications;

public sealed class PublicationHtmlTests
{
    [Fact]
    public void A_documents_formatting_is_kept_and_its_plain_text_has_one_line_per_block()
    {
        var result = PublicationHtml.Clean("""<h2 style="color:red">一、总体要求</h2><p class="x">坚持<strong>依法</strong>公开。</p><table><tr><th>项目</th><td>金额</td></tr></table><p><a href="https://www.gov.cn/">中国政府网</a></p>""");

        Assert.Empty(result.Refused);
        Assert.Equal("""<h2>一、总体要求</h2><p>坚持<strong>依法</strong>公开。</p><table><tbody><tr><th>项目</th><td>金额</td></tr></tbody></table><p><a href="https://www.gov.cn/">中国政府网</a></p>""", result.Html);
        Assert.Equal("一、总体要求\n坚持依法公开。\n项目 金额\n中国政府网", result.Text);
    }

    [Theory]
    [InlineData("<p>正文</p><script>alert(1)</script>", "<script> 标签")]
    [InlineData("<p onclick=\"steal()\">正文</p>", "事件属性 onclick")]
    [InlineData("<a href=\"javascript:alert(1)\">点击</a>", "脚本链接")]
    [InlineData("<iframe src=\"https://example.com\"></iframe>", "<iframe> 标签")]
    [InlineData("<svg><script>alert(1)</script></svg>", "<svg> 标签")]
    public void Script_in_any_form_is_named_and_never_kept(string html, string named)
    {
        var result = PublicationHtml.Clean(html);

        Assert.Contains(named, string.Join("、", result.Refused));
        Assert.DoesNotContain("script", result.Html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("onclick", result.Html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("iframe", result.Html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Plain_text_becomes_encoded_paragraphs()
    {
        Assert.Equal("<p>第一段 &lt;b&gt;</p><p>第二段</p>", PublicationHtml.FromText("第一段 <b>\r\n\r\n  第二段  "));
    }
}
