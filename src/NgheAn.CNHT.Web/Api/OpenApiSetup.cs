using Microsoft.OpenApi;

namespace NgheAn.CNHT.Web.Api;

/// <summary>The OpenAPI description at /openapi/v1.json (Microsoft.AspNetCore.OpenApi): title, the API-key scheme, amounts as integers.</summary>
public static class OpenApiSetup
{
    public const string DocumentName = "v1";

    public static IServiceCollection AddCnhtOpenApi(this IServiceCollection services) =>
        services.AddOpenApi(DocumentName, o =>
        {
            // Only the API: Razor pages never appear in the description.
            o.ShouldInclude = d => d.RelativePath?.StartsWith("api/", StringComparison.Ordinal) == true;
            o.AddDocumentTransformer((document, _, _) =>
            {
                document.Info = new OpenApiInfo
                {
                    Title = "Cổng CNHT Nghệ An — API dữ liệu (chỉ đọc)",
                    Version = "v1",
                    Description = "Chương trình, danh mục, đề án, bút toán giải ngân và phụ lục kết quả thực hiện của Chương trình phát triển công nghiệp hỗ trợ tỉnh Nghệ An. "
                        + "Số tiền là số nguyên, đơn vị đồng. Xác thực bằng khóa API trong tiêu đề X-Api-Key (Quản trị hệ thống cấp trên cổng), hoặc phiên đăng nhập cổng. Xem docs/api.md.",
                };
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
                document.Components.SecuritySchemes[ApiKeyAuthenticationHandler.SchemeName] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.ApiKey,
                    In = ParameterLocation.Header,
                    Name = ApiKeyAuthenticationHandler.HeaderName,
                    Description = "Khóa API do Quản trị hệ thống cấp (hiển thị một lần khi cấp).",
                };
                document.Security ??= [];
                document.Security.Add(new OpenApiSecurityRequirement
                {
                    [new OpenApiSecuritySchemeReference(ApiKeyAuthenticationHandler.SchemeName, document)] = [],
                });
                return Task.CompletedTask;
            });

            // Money is whole đồng, written as integers (ReportJson); only percentages keep decimals.
            o.AddSchemaTransformer((schema, context, _) =>
            {
                var type = Nullable.GetUnderlyingType(context.JsonTypeInfo.Type) ?? context.JsonTypeInfo.Type;
                if (type == typeof(decimal) && context.JsonPropertyInfo?.Name != "percentOfPlan")
                {
                    schema.Type = context.JsonTypeInfo.Type == type ? JsonSchemaType.Integer : JsonSchemaType.Integer | JsonSchemaType.Null;
                    schema.Format = "int64";
                    schema.Pattern = null;
                    schema.Description ??= "Số đồng (nguyên).";
                }

                return Task.CompletedTask;
            });
        });
}
