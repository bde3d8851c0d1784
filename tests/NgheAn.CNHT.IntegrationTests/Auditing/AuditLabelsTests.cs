using Microsoft.Extensions.DependencyInjection;
using NgheAn.CNHT.Application.Auditing;
using NgheAn.CNHT.Infrastructure.Persistence;
using NgheAn.CNHT.IntegrationTests.Support;

namespace NgheAn.CNHT.IntegrationTests.Auditing;

/// <summary>The audit page names every record type and every field in Vietnamese, for every type the model has.</summary>
public sealed class AuditLabelsTests(DemoPortal portal) : IClassFixture<DemoPortal>
{
    /// <summary>Types the trail never records (AuditSaveChangesInterceptor.NotAudited, framework tables and the data version).</summary>
    private static readonly HashSet<string> NotAudited =
    [
        "AuditEntry", "ReportDownload", "Notification", "NotificationReceipt", "OutgoingEmail", "AttachmentContent", "DossierFileContent", "ProposalLedgerFigures", "BalanceInputChangeRow",
        "DataProtectionKey", "DataVersionRow", "IdentityRole", "IdentityRoleClaim`1", "IdentityUserClaim`1", "IdentityUserLogin`1", "IdentityUserToken`1",
    ];

    [Fact]
    public void Every_audited_type_and_field_has_a_vietnamese_label()
    {
        using var scope = portal.Services.CreateScope();
        var model = scope.ServiceProvider.GetRequiredService<AppDbContext>().Model;
        var missing = new List<string>();
        foreach (var type in model.GetEntityTypes().Where(t => !t.IsOwned() && !NotAudited.Contains(t.ClrType.Name)))
        {
            var name = type.ClrType.Name;
            if (AuditQueries.EntityDisplayName(name) == name)
            {
                missing.Add(name);
            }

            foreach (var property in type.GetProperties().Where(p => !FieldText.IsTechnical(p.Name)))
            {
                if (FieldText.DisplayLabel(name, property.Name) == property.Name)
                {
                    missing.Add($"{name}.{property.Name}");
                }
            }
        }

        Assert.True(missing.Count == 0, "No Vietnamese label: " + string.Join(", ", missing));
    }
}
