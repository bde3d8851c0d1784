using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using NgheAn.CNHT.Domain.Proposals;
using NgheAn.CNHT.IntegrationTests.Support;
using static NgheAn.CNHT.IntegrationTests.Support.ProposalArrange;

namespace NgheAn.CNHT.IntegrationTests.Proposals;

/// <summary>Dossier files: checked by content, kept in the database, served as downloads only, withdrawn not erased.</summary>
public sealed class AttachmentTests(DemoPortal portal) : IClassFixture<DemoPortal>
{
    internal static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

    /// <summary>The start of a Windows executable: "MZ", the DOS stub, "This program cannot be run in DOS mode".</summary>
    internal static readonly byte[] Exe = [0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00, 0xFF, 0xFF, .. Encoding.ASCII.GetBytes("This program cannot be run in DOS mode.")];

    internal static byte[] OfficePackage(string folder, string part)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var name in new[] { "[Content_Types].xml", "_rels/.rels", $"{folder}/{part}" })
            {
                using var writer = new StreamWriter(zip.CreateEntry(name).Open());
                writer.Write("<?xml version=\"1.0\" encoding=\"UTF-8\"?><x/>");
            }
        }

        return buffer.ToArray();
    }

    internal static async Task<HttpResponseMessage> UploadAsync(HttpClient client, int proposalId, string fileName, byte[] content, string documentType = "Description", string? description = null)
    {
        var html = await client.GetStringAsync($"/Proposals/Details/{proposalId}");
        using var form = new MultipartFormDataContent
        {
            { new StringContent(WebPageHelpers.AntiforgeryToken(html)), "__RequestVerificationToken" },
            { new StringContent(documentType), "Upload.DocumentType" },
            { new StringContent(description ?? ""), "Upload.Description" },
        };
        var file = new ByteArrayContent(content);
        // The client's claim about the type is ignored; the portal decides from the bytes.
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        form.Add(file, "Upload.File", fileName);
        return await client.PostAsync($"/Proposals/Details/{proposalId}?handler=Upload", form);
    }

    private Task<int> AttachmentCountAsync(int proposalId) =>
        ReadAsync(portal, db => db.Attachments.CountAsync(a => a.ProposalId == proposalId));

    [Fact]
    public async Task An_exe_renamed_pdf_is_refused_and_nothing_is_stored()
    {
        var id = await InStatusAsync(portal, ProposalStatus.Draft);
        var client = await portal.SignInAsAsync("DoitSpecialist");
        var response = await UploadAsync(client, id, "Quyết định phê duyệt.pdf", Exe);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = Text(await response.Content.ReadAsStringAsync());
        Assert.Contains("Nội dung tệp \"Quyết định phê duyệt.pdf\" không phải là PDF", text);
        Assert.Equal(0, await AttachmentCountAsync(id));
        Assert.Equal(0, await ReadAsync(portal, db => db.AttachmentContents.CountAsync(c => db.Attachments.Any(a => a.Id == c.AttachmentId && a.ProposalId == id))));
    }

    [Theory]
    [InlineData("99")]
    [InlineData("HopDong")]
    [InlineData("")]
    public async Task A_document_type_not_in_the_list_is_refused_and_nothing_is_stored(string documentType)
    {
        var id = await InStatusAsync(portal, ProposalStatus.Draft);
        var client = await portal.SignInAsAsync("DoitSpecialist");
        var response = await UploadAsync(client, id, "thuyet-minh.pdf", Encoding.ASCII.GetBytes("%PDF-1.7\n%%EOF"), documentType);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Vui lòng chọn loại hồ sơ trong danh sách.", Text(await response.Content.ReadAsStringAsync()));
        Assert.Equal(0, await AttachmentCountAsync(id));
    }

    [Theory]
    [InlineData("anh-chup.png", "<html><script>alert(1)</script></html>", "không phải là PNG")]
    [InlineData("chuong-trinh.exe", "MZ", "Chỉ nhận tệp PDF, DOCX, XLSX, JPG, PNG")]
    [InlineData("bao-cao.html", "<html></html>", "Chỉ nhận tệp PDF, DOCX, XLSX, JPG, PNG")]
    public async Task Files_that_are_not_what_they_claim_or_not_accepted_types_are_refused(string name, string content, string message)
    {
        var id = await InStatusAsync(portal, ProposalStatus.Draft);
        var client = await portal.SignInAsAsync("DoitSpecialist");
        var response = await UploadAsync(client, id, name, Encoding.UTF8.GetBytes(content));
        Assert.Contains(message, Text(await response.Content.ReadAsStringAsync()));
        Assert.Equal(0, await AttachmentCountAsync(id));
    }

    [Fact]
    public async Task A_spreadsheet_named_docx_is_refused_and_a_real_docx_and_xlsx_are_accepted()
    {
        var id = await InStatusAsync(portal, ProposalStatus.Draft);
        var client = await portal.SignInAsAsync("DoitSpecialist");
        var wrong = await UploadAsync(client, id, "thuyet-minh.docx", OfficePackage("xl", "workbook.xml"));
        Assert.Contains("có đuôi .docx nhưng nội dung là XLSX", Text(await wrong.Content.ReadAsStringAsync()));

        Assert.Equal(HttpStatusCode.Redirect, (await UploadAsync(client, id, "thuyet-minh.docx", OfficePackage("word", "document.xml"))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await UploadAsync(client, id, "du-toan.xlsx", OfficePackage("xl", "workbook.xml"), "CostEstimate")).StatusCode);
        var stored = await ReadAsync(portal, db => db.Attachments.Where(a => a.ProposalId == id).OrderBy(a => a.Id).Select(a => new { a.FileName, a.ContentType, a.DocumentType }).ToListAsync());
        Assert.Equal(["thuyet-minh.docx", "du-toan.xlsx"], stored.Select(s => s.FileName));
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", stored[0].ContentType);
        Assert.Equal(DocumentType.CostEstimate, stored[1].DocumentType);
    }

    [Fact]
    public async Task A_pdf_is_stored_with_its_hash_and_downloaded_as_an_attachment_with_a_safe_name_and_nosniff()
    {
        var id = await InStatusAsync(portal, ProposalStatus.Submitted);
        var center = await portal.SignInAsAsync("SupportCenter");
        Assert.Equal(HttpStatusCode.Redirect, (await UploadAsync(center, id, "C:\\Hồ sơ\\Biên bản thẩm định <số 1>|.pdf", Pdf, "Minutes", "Biên bản họp hội đồng")).StatusCode);

        var a = await ReadAsync(portal, db => db.Attachments.AsNoTracking().SingleAsync(x => x.ProposalId == id));
        Assert.Equal("Biên bản thẩm định _số 1__.pdf", a.FileName);
        Assert.Equal("application/pdf", a.ContentType);
        Assert.Equal(Pdf.Length, a.Size);
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Pdf)), a.Sha256);
        Assert.Equal("trungtam@cnht.demo", a.UploadedBy);

        // Any business role may read the file; it always comes as a download.
        var viewer = await portal.SignInAsAsync("Viewer");
        var page = Text(await viewer.GetStringAsync($"/Proposals/Details/{id}"));
        Assert.Contains("Biên bản thẩm định _số 1__.pdf", page);
        var download = await viewer.GetAsync($"/Proposals/Details/{id}?handler=Attachment&attachmentId={a.Id}");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(Pdf, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal("application/pdf", download.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal("Biên bản thẩm định _số 1__.pdf", download.Content.Headers.ContentDisposition.FileNameStar);
        Assert.Equal("nosniff", download.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Contains("sandbox", download.Headers.GetValues("Content-Security-Policy").Single());

        // A viewer cannot add files.
        var refused = await UploadAsync(viewer, id, "x.pdf", Pdf);
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.StartsWith("/Account/AccessDenied", refused.Headers.Location!.PathAndQuery);
        Assert.Equal(1, await AttachmentCountAsync(id));
    }

    [Fact]
    public async Task A_withdrawn_file_is_kept_but_no_longer_listed_or_served_and_only_its_uploader_or_a_leader_may_withdraw()
    {
        var id = await InStatusAsync(portal, ProposalStatus.Draft);
        var specialist = await portal.SignInAsAsync("DoitSpecialist");
        Assert.Equal(HttpStatusCode.Redirect, (await UploadAsync(specialist, id, "don-dang-ky.pdf", Pdf, "Application")).StatusCode);
        var attachmentId = await ReadAsync(portal, db => db.Attachments.Where(a => a.ProposalId == id).Select(a => a.Id).SingleAsync());

        var center = await portal.SignInAsAsync("SupportCenter");
        var refused = await center.PostFormAsync($"/Proposals/Details/{id}", new Dictionary<string, string>(), $"/Proposals/Details/{id}?handler=Withdraw&attachmentId={attachmentId}");
        Assert.Contains("Chỉ người đã tải tệp lên hoặc Lãnh đạo Sở được rút tệp.", Text(await refused.Content.ReadAsStringAsync()));

        var withdrawn = await specialist.PostFormAsync($"/Proposals/Details/{id}", new Dictionary<string, string>(), $"/Proposals/Details/{id}?handler=Withdraw&attachmentId={attachmentId}");
        Assert.Equal(HttpStatusCode.Redirect, withdrawn.StatusCode);
        var row = await ReadAsync(portal, db => db.Attachments.AsNoTracking().SingleAsync(a => a.Id == attachmentId));
        Assert.True(row.IsDeleted);
        Assert.Equal("chuyenvien@cnht.demo", row.DeletedBy);
        Assert.True(await ReadAsync(portal, db => db.AttachmentContents.AnyAsync(c => c.AttachmentId == attachmentId)));
        Assert.Equal(HttpStatusCode.NotFound, (await specialist.GetAsync($"/Proposals/Details/{id}?handler=Attachment&attachmentId={attachmentId}")).StatusCode);
        Assert.Contains("1 tệp đã rút khỏi hồ sơ", Text(await specialist.GetStringAsync($"/Proposals/Details/{id}")));
    }
}

/// <summary>The size limit comes from configuration (Attachments:MaxBytes).</summary>
public sealed class AttachmentSizeLimitTests(AttachmentSizeLimitTests.SmallLimitPortal portal) : IClassFixture<AttachmentSizeLimitTests.SmallLimitPortal>
{
    public sealed class SmallLimitPortal : CnhtFactory, IAsyncLifetime
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Attachments:MaxBytes", "4096");
        }

        public Task InitializeAsync() => EnsureDemoUsersAsync();

        Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;
    }

    [Fact]
    public async Task A_file_above_the_configured_limit_is_refused_with_the_limit_in_the_message()
    {
        var id = await InStatusAsync(portal, ProposalStatus.Draft);
        var client = await portal.SignInAsAsync("DoitSpecialist");
        var big = AttachmentTests.Pdf.Concat(new byte[5000]).ToArray();
        var response = await AttachmentTests.UploadAsync(client, id, "lon.pdf", big);
        Assert.Contains("Tệp lớn hơn giới hạn cho phép (4 KB).", Text(await response.Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.Redirect, (await AttachmentTests.UploadAsync(client, id, "nho.pdf", AttachmentTests.Pdf)).StatusCode);
    }
}
