using NgheAn.CNHT.Domain.PublicContent;

namespace NgheAn.CNHT.Application.PublicContent;

/// <summary>Turns a post's body into HTML that is safe to show: plain text encoded, Markdown rendered then sanitized (ADR 0190).</summary>
public interface ISafeHtml
{
    string Render(string? text, TextFormat format);
}

/// <summary>Draws the priority project list as a PDF (Infrastructure, PDFsharp); never touches the database.</summary>
public interface IProjectListPdf
{
    byte[] Render(ProjectListDocument document);
}

/// <summary>The printable list of priority projects in one language.</summary>
public sealed record ProjectListDocument(bool English, IReadOnlyList<PublicProject> Projects, DateTime GeneratedAtUtc, string PublicUrl);
