using NgheAn.CNHT.Application.Api;
using NgheAn.CNHT.Application.Catalog;
using NgheAn.CNHT.Application.Common;
using NgheAn.CNHT.Application.Reports;
using NgheAn.CNHT.Domain.Common;
using NgheAn.CNHT.Web.Authorization;

namespace NgheAn.CNHT.Web.Api;

/// <summary>
/// The read-only JSON API under /api/v1 (docs/api.md). Every body uses <see cref="ReportJson.Options"/>:
/// camelCase, enums as names, amounts as integers of đồng.
/// </summary>
public static class ApiEndpoints
{
    public static IEndpointRouteBuilder MapApiV1(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1")
            .RequireAuthorization(Policies.ReadApi)
            .RequireRateLimiting(ApiRateLimit.Policy)
            .WithTags("CNHT")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);

        api.MapGet("/programs", async (CatalogQueries catalog, CancellationToken ct) => Json(await catalog.ListProgramsAsync(ct)))
            .WithName("ListPrograms")
            .WithSummary("Các chương trình")
            .WithDescription("Mọi chương trình với giai đoạn, căn cứ, số nhóm/nội dung và tổng kế hoạch (đồng).")
            .Produces<IReadOnlyList<ProgramSummary>>();

        api.MapGet("/programs/{code}", async (string code, CatalogQueries catalog, CancellationToken ct) =>
                await catalog.GetAsync(code, ct) is { } program ? Json(program) : NoProgram(code))
            .WithName("GetProgram")
            .WithSummary("Một chương trình và danh mục của nó")
            .WithDescription("Nhóm nội dung, nội dung và kế hoạch mục tiêu giai đoạn (đồng) của chương trình, ví dụ 2018-2025.")
            .Produces<ProgramCatalog>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapGet("/programs/{code}/proposals", async (string code, [AsParameters] ProposalFilter filter, ApiReadQueries queries, CancellationToken ct) =>
                await Guarded(async () => await queries.ProposalsAsync(code, filter, ct) is { } page ? Json(page) : NoProgram(code)))
            .WithName("ListProposals")
            .WithSummary("Đề án của chương trình (lọc, phân trang)")
            .WithDescription("Lọc theo status (Approved, Settled..., nhiều giá trị cách nhau dấu phẩy), item (3.3), group (3), fromYear/toYear (năm bắt đầu), taxCode, q (mã hoặc tên). page từ 1, pageSize 1-500 (mặc định 50).")
            .Produces<PagedResult<ApiProposal>>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapGet("/programs/{code}/ledger", async (string code, [AsParameters] LedgerFilter filter, ApiReadQueries queries, CancellationToken ct) =>
                await Guarded(async () => await queries.LedgerAsync(code, filter, ct) is { } page ? Json(page) : NoProgram(code)))
            .WithName("ListLedgerEntries")
            .WithSummary("Bút toán giải ngân của chương trình (lọc, phân trang)")
            .WithDescription("Lọc theo proposal (mã đề án), from/to (ngày chứng từ, yyyy-MM-dd), source (ProvincialBudget, Counterpart, Other). Số tiền có dấu: thu hồi và bút toán đảo là số âm. pageSize 1-500 (mặc định 100).")
            .Produces<PagedResult<ApiLedgerEntry>>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapGet("/programs/{code}/appendix", async (string code, int? from, int? to, AppendixQuery appendix, CancellationToken ct) =>
                await Guarded(async () => Json(await appendix.BuildAsync(code, from, to, ct))))
            .WithName("GetAppendix")
            .WithSummary("Phụ lục kết quả thực hiện")
            .WithDescription("Theo nội dung, nhóm và tổng: kế hoạch, số đề án, tổng kinh phí, ngân sách tỉnh hỗ trợ (đồng) và % kế hoạch, cho khoảng năm from-to (mặc định cả giai đoạn). Cùng số liệu với báo cáo trên cổng.")
            .Produces<AppendixReport>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);

        // An address under /api that is not in the API: a JSON 404 for anyone (no sign-in redirect), never a page.
        app.Map("/api/{**path}", () => ApiProblem.Result(StatusCodes.Status404NotFound, "Không tìm thấy",
                "Không có địa chỉ này trong API. Xem mô tả tại /openapi/v1.json."))
            .AllowAnonymous()
            .ExcludeFromDescription();

        return app;
    }

    private static IResult Json<T>(T model) => Results.Json(model, ReportJson.Options);

    private static IResult NoProgram(string code) => ApiProblem.Result(StatusCodes.Status404NotFound, "Không tìm thấy", $"Không có chương trình mã {code}.");

    /// <summary>Bad filters and unknown programs become problem documents instead of error pages.</summary>
    private static async Task<IResult> Guarded(Func<Task<IResult>> run)
    {
        try
        {
            return await run();
        }
        catch (ArgumentException ex)
        {
            return ApiProblem.Result(StatusCodes.Status400BadRequest, "Tham số không hợp lệ", ex.Message.Split(" (Parameter")[0]);
        }
        catch (DomainException ex)
        {
            return ApiProblem.Result(StatusCodes.Status400BadRequest, "Tham số không hợp lệ", ex.Message);
        }
        catch (NotFoundException ex)
        {
            return ApiProblem.Result(StatusCodes.Status404NotFound, "Không tìm thấy", ex.Message);
        }
    }
}
