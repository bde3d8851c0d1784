using System.IO.Compression;
using System.Text;
using NgheAn.CNHT.Application.Proposals;
using NgheAn.CNHT.Domain.Common;

namespace NgheAn.CNHT.UnitTests.Application;

public sealed class FileInspectorTests
{
    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.7\n%%EOF");
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13];
    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 0, 16, 0x4A, 0x46, 0x49, 0x46];
    private static readonly byte[] Exe = [0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00];

    private static byte[] Zip(params string[] entries)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var name in entries)
            {
                using var w = new StreamWriter(zip.CreateEntry(name).Open());
                w.Write("<x/>");
            }
        }

        return buffer.ToArray();
    }

    [Fact]
    public void An_exe_renamed_pdf_is_refused()
    {
        var ex = Assert.Throws<DomainException>(() => FileInspector.Inspect("quyet-dinh.pdf", Exe));
        Assert.Contains("không phải là PDF", ex.Message);
        Assert.Equal("File", ex.Field);
    }

    [Fact]
    public void Each_accepted_kind_is_recognised_by_its_bytes()
    {
        Assert.Equal(DossierFileKind.Pdf, FileInspector.Inspect("a.PDF", Pdf).Kind);
        Assert.Equal(DossierFileKind.Png, FileInspector.Inspect("a.png", Png).Kind);
        Assert.Equal(DossierFileKind.Jpeg, FileInspector.Inspect("a.jpeg", Jpeg).Kind);
        Assert.Equal(DossierFileKind.Jpeg, FileInspector.Inspect("a.jpg", Jpeg).Kind);
        Assert.Equal(DossierFileKind.Docx, FileInspector.Inspect("a.docx", Zip("[Content_Types].xml", "word/document.xml")).Kind);
        Assert.Equal(DossierFileKind.Xlsx, FileInspector.Inspect("a.xlsx", Zip("[Content_Types].xml", "xl/workbook.xml")).Kind);
    }

    [Fact]
    public void A_zip_that_is_not_an_office_document_is_refused_and_macros_are_refused()
    {
        Assert.Throws<DomainException>(() => FileInspector.Inspect("a.docx", Zip("readme.txt", "word/document.xml")));
        Assert.Throws<DomainException>(() => FileInspector.Inspect("a.xlsx", Zip("[Content_Types].xml", "ppt/presentation.xml")));
        var macro = Assert.Throws<DomainException>(() => FileInspector.Inspect("a.docx", Zip("[Content_Types].xml", "word/document.xml", "word/vbaProject.bin")));
        Assert.Contains("macro", macro.Message);
        Assert.Throws<DomainException>(() => FileInspector.Inspect("a.docx", [0x50, 0x4B, 0x03, 0x04, 1, 2, 3]));
    }

    [Fact]
    public void A_type_that_disagrees_with_the_extension_is_refused_with_both_named()
    {
        var ex = Assert.Throws<DomainException>(() => FileInspector.Inspect("anh.png", Pdf));
        Assert.Contains("có đuôi .png nhưng nội dung là PDF", ex.Message);
    }

    [Theory]
    [InlineData("../../etc/passwd.pdf", "passwd.pdf")]
    [InlineData("C:\\Users\\cv\\Tờ trình.pdf", "Tờ trình.pdf")]
    [InlineData("bao\u202Egnp.pdf", "bao_gnp.pdf")]
    [InlineData("a<b>:c|d?.pdf", "a_b__c_d_.pdf")]
    [InlineData(".pdf", "tep-dinh-kem.pdf")]
    public void File_names_lose_paths_and_dangerous_characters_but_keep_vietnamese(string input, string safe) =>
        Assert.Equal(safe, FileInspector.SafeFileName(input));
}
