using System.Globalization;
using NgheAn.CNHT.Domain.Common;
using NgheAn.CNHT.Domain.Disbursements;
using NgheAn.CNHT.Domain.Organizations;
using NgheAn.CNHT.Domain.Proposals;

namespace NgheAn.CNHT.Application.Auditing;

/// <summary>Vietnamese labels and readable values for the fields the audit trail records.</summary>
public static class FieldText
{
    private static readonly Dictionary<string, Dictionary<string, string>> Labels = new()
    {
        // Issue 19 (ADR 0170-0175).
        ["ItemPlan"] = new() { ["IsIllustrative"] = "Giá trị minh họa" },
        ["YearPlanAmount"] = new() { ["ItemPlanId"] = "Kế hoạch năm (mã số)" },
        ["OutputIndicator"] = new() { ["IsIllustrative"] = "Giá trị minh họa", ["PeriodTarget"] = "Chỉ tiêu giai đoạn" },
        ["IndicatorTarget"] = new() { ["OutputIndicatorId"] = "Chỉ tiêu đầu ra (mã số)", ["Target"] = "Chỉ tiêu năm" },
        ["ProposalOutput"] = new()
        {
            ["OutputIndicatorId"] = "Chỉ tiêu đầu ra (mã số)", ["Expected"] = "Kết quả dự kiến", ["Actual"] = "Kết quả đạt được khi nghiệm thu",
            ["ActualRecordedOn"] = "Ngày nghiệm thu ghi kết quả",
        },
        ["OutcomeIndicator"] = new() { ["Target"] = "Mục tiêu", ["TargetIsIllustrative"] = "Mục tiêu là giá trị minh họa", ["TargetYear"] = "Năm mục tiêu", ["Unit"] = "Đơn vị tính" },
        ["OutcomeValue"] = new() { ["OutcomeIndicatorId"] = "Chỉ tiêu của chương trình (mã số)", ["Value"] = "Giá trị" },
        ["Proposal"] = new()
        {
            ["Code"] = "Mã đề án",
            ["Title"] = "Tên đề án",
            ["Objectives"] = "Mục tiêu",
            ["ExpectedOutputs"] = "Sản phẩm dự kiến",
            ["ContentItemId"] = "Nội dung hỗ trợ",
            ["LeadOrganizationId"] = "Đơn vị chủ trì",
            ["StartYear"] = "Năm bắt đầu",
            ["EndYear"] = "Năm kết thúc",
            ["RequestedTotalCost"] = "Tổng kinh phí đề nghị",
            ["RequestedProvincialShare"] = "Ngân sách tỉnh hỗ trợ đề nghị",
            ["AppraisalDate"] = "Ngày thẩm định",
            ["AppraisalOpinion"] = "Ý kiến của Hội đồng thẩm định",
            ["RecommendedTotalCost"] = "Tổng kinh phí thẩm định đề nghị",
            ["RecommendedProvincialShare"] = "Ngân sách tỉnh thẩm định đề nghị",
            ["DecisionNumber"] = "Số quyết định phê duyệt",
            ["DecisionDate"] = "Ngày quyết định phê duyệt",
            ["ApprovedTotalCost"] = "Tổng kinh phí được duyệt",
            ["ApprovedProvincialShare"] = "Ngân sách tỉnh được duyệt",
            ["AcceptanceDate"] = "Ngày nghiệm thu",
            ["AcceptanceResult"] = "Kết quả nghiệm thu",
            ["SettlementDecisionNumber"] = "Số quyết định quyết toán",
            ["SettlementDate"] = "Ngày quyết toán",
            ["SettledTotalCost"] = "Tổng kinh phí quyết toán",
            ["SettledProvincialShare"] = "Ngân sách tỉnh quyết toán",
            ["ClosingReason"] = "Lý do",
            ["Status"] = "Trạng thái",
        },
        ["AdministrativeUnit"] = new()
        {
            ["Code"] = "Mã đơn vị hành chính",
            ["Name"] = "Tên xã/phường",
            ["Kind"] = "Loại (xã/phường)",
            ["Slug"] = "Tên không dấu",
            ["ProvinceCode"] = "Mã tỉnh",
            ["EffectiveFrom"] = "Có hiệu lực từ",
        },
        ["Organization"] = new()
        {
            ["Name"] = "Tên đơn vị",
            ["Kind"] = "Loại đơn vị",
            ["TaxCode"] = "Mã số thuế",
            ["Sector"] = "Lĩnh vực",
            ["District"] = "Huyện cũ (trước 01/7/2025)",
            ["CommuneCode"] = "Xã/phường",
            ["Address"] = "Địa chỉ",
            ["ContactPerson"] = "Người liên hệ",
            ["Phone"] = "Số điện thoại",
            ["Email"] = "Thư điện tử",
            ["IsUnverified"] = "Chưa xác minh (doanh nghiệp tự đăng ký)",
        },
        ["SupportRuleSet"] = new()
        {
            ["DocumentNumber"] = "Số văn bản",
            ["DocumentDate"] = "Ngày ban hành",
            ["Issuer"] = "Cơ quan ban hành",
            ["DocumentLink"] = "Đường dẫn văn bản",
            ["EffectiveFrom"] = "Có hiệu lực từ ngày",
            ["EffectiveTo"] = "Hết hiệu lực ngày",
        },
        ["SupportRule"] = new()
        {
            ["RuleSetId"] = "Quy định mức hỗ trợ (mã số)",
            ["Citation"] = "Điều, khoản căn cứ",
            ["Scope"] = "Phạm vi áp dụng",
            ["MaxProvincialSharePercent"] = "Tỷ lệ ngân sách tỉnh hỗ trợ tối đa (%)",
            ["MinCounterpartPercent"] = "Tỷ lệ đối ứng tối thiểu (%)",
            ["MaxAmountPerProposal"] = "Mức hỗ trợ tối đa mỗi đề án",
            ["MaxPerEnterprisePerYear"] = "Mức tối đa mỗi doanh nghiệp mỗi năm",
            ["MaxPerEnterprisePerPeriod"] = "Mức tối đa mỗi doanh nghiệp cả giai đoạn",
            ["EligibleKinds"] = "Loại đơn vị được hỗ trợ",
            ["EligibleSizes"] = "Quy mô doanh nghiệp được hỗ trợ",
            ["RequireInProvince"] = "Phải ở trên địa bàn tỉnh",
            ["IsIllustrative"] = "Giá trị minh họa",
        },
        ["UnitNorm"] = new()
        {
            ["SupportRuleId"] = "Dòng mức hỗ trợ (mã số)",
            ["Unit"] = "Đơn vị tính",
            ["MaxUnitPrice"] = "Định mức đơn giá",
            ["Citation"] = "Điều, khoản căn cứ",
            ["IsIllustrative"] = "Giá trị minh họa",
        },
        ["ProposalRuleFlag"] = new()
        {
            ["RuleSetId"] = "Quy định mức hỗ trợ (mã số)",
            ["Violations"] = "Nội dung vượt định mức",
            ["RecordedBy"] = "Người ghi nhận",
            ["RecordedByUser"] = "Tài khoản ghi nhận",
            ["RecordedAt"] = "Thời điểm ghi nhận",
        },
        ["ProposalTransition"] = new()
        {
            ["ProposalId"] = "Đề án",
            ["Action"] = "Thao tác",
            ["FromStatus"] = "Từ trạng thái",
            ["ToStatus"] = "Sang trạng thái",
            ["UserName"] = "Người thực hiện",
            ["UserDisplayName"] = "Họ tên",
            ["At"] = "Thời điểm",
            ["Comment"] = "Ý kiến",
        },
        ["IssuedReport"] = new()
        {
            ["Source"] = "Bản phát hành",
            ["DocumentType"] = "Loại văn bản",
        },
        ["OutgoingNumberCounter"] = new()
        {
            ["DocumentType"] = "Loại văn bản",
        },
        ["Attachment"] = new()
        {
            ["ProposalId"] = "Đề án",
            ["DocumentType"] = "Loại hồ sơ",
            ["FileName"] = "Tên tệp",
            ["ContentType"] = "Kiểu tệp",
            ["Size"] = "Dung lượng (byte)",
            ["Sha256"] = "SHA-256",
            ["Description"] = "Mô tả",
            ["UploadedBy"] = "Người tải lên",
            ["UploadedAt"] = "Thời điểm tải lên",
            ["IsDeleted"] = "Đã rút",
            ["DeletedBy"] = "Người rút",
            ["DeletedAt"] = "Thời điểm rút",
        },
        // The CNHT directory (issue 17).
        ["SupplierProfile"] = Suppliers.DirectoryLabels.Profile,
        ["SupplierCertification"] = Suppliers.DirectoryLabels.Certification,
        ["ProfileChange"] = Suppliers.DirectoryLabels.Change,
        ["SupplierImage"] = Suppliers.DirectoryLabels.Image,
        ["SourcingRequest"] = Sourcing.SourcingLabels.Request,
        ["SourcingInterest"] = Sourcing.SourcingLabels.Interest,
        ["InvestmentProject"] = PublicContent.PublicContentLabels.Project,
        ["NewsPost"] = PublicContent.PublicContentLabels.News,
    };

    private static readonly HashSet<string> AmountFields =
    [
        "RequestedTotalCost", "RequestedProvincialShare", "RecommendedTotalCost", "RecommendedProvincialShare",
        "ApprovedTotalCost", "ApprovedProvincialShare", "SettledTotalCost", "SettledProvincialShare", "Amount", "PlanAmount",
        "TotalCost", "RequestedSupport", "Counterpart", "UnitPrice", "TotalInvestment",
    ];

    /// <summary>
    /// Fields the audit page does not list: derived (search text), technical (stamps) or repeating the
    /// entry's own who and when. They stay in the stored JSON.
    /// </summary>
    public static bool IsTechnical(string field) => field is "SearchText" or "ConcurrencyStamp" or "CreatedAt" or "CreatedBy" or "UpdatedAt" or "UpdatedBy" or "StatusChangedAt";

    /// <summary>The label of a field a user would recognise, or null for technical fields (stamps, search text).</summary>
    public static string? Label(string entityType, string field) =>
        Labels.TryGetValue(entityType, out var fields) && fields.TryGetValue(field, out var label) ? label : null;

    private static readonly Dictionary<string, string> Common = new()
    {
        ["Id"] = "Mã số",
        // An import's row for the records it created in bulk (ADR 0212).
        [ImportedRows.FileField] = "Tệp nhập",
        [ImportedRows.Sha256Field] = "Mã băm SHA-256 của tệp",
        [ImportedRows.FirstIdField] = "Từ mã số",
        [ImportedRows.LastIdField] = "Đến mã số",
        [ImportedRows.CountField] = "Số bản ghi đã nhập",
        ["IsSample"] = "Dữ liệu mẫu",
        ["ProgramId"] = "Chương trình (mã số)",
        // Fields every other record type uses, so the audit page never falls back to an English property name.
        ["Status"] = "Trạng thái",
        ["Amount"] = "Số tiền",
        ["PlanAmount"] = "Kế hoạch giai đoạn",
        ["Note"] = "Ghi chú",
        ["Name"] = "Tên",
        ["Code"] = "Mã",
        ["Title"] = "Tiêu đề",
        ["Year"] = "Năm",
        ["FromYear"] = "Từ năm",
        ["ToYear"] = "Đến năm",
        ["StartYear"] = "Năm bắt đầu",
        ["EndYear"] = "Năm kết thúc",
        ["Version"] = "Phiên bản",
        ["SortOrder"] = "Thứ tự",
        ["DocumentType"] = "Loại hồ sơ",
        ["IsMandatory"] = "Bắt buộc",
        ["GroupId"] = "Nhóm nội dung (mã số)",
        ["ContentGroupId"] = "Nhóm nội dung (mã số)",
        ["ContentItemId"] = "Nội dung (mã số)",
        ["AnnualEstimateId"] = "Dự toán (mã số)",
        ["ProposalId"] = "Đề án (mã số)",
        ["LegalBasis"] = "Căn cứ pháp lý",
        ["DecisionNumber"] = "Số quyết định",
        ["DecisionDate"] = "Ngày quyết định",
        ["DecisionReference"] = "Quyết định",
        ["Justification"] = "Thuyết minh, căn cứ",
        ["OldAmount"] = "Số cũ",
        ["NewAmount"] = "Số mới",
        ["Reason"] = "Lý do",
        ["ChangedAt"] = "Thời điểm thay đổi",
        ["ChangedBy"] = "Người thay đổi",
        ["SubmittedAt"] = "Thời điểm trình",
        ["SubmittedBy"] = "Người trình",
        ["ApprovedAt"] = "Thời điểm duyệt",
        ["ApprovedBy"] = "Người duyệt",
        ["EntryDate"] = "Ngày chứng từ",
        ["Source"] = "Nguồn kinh phí",
        ["Kind"] = "Loại",
        ["VoucherNumber"] = "Số chứng từ",
        ["ReversesEntryId"] = "Đảo bút toán số",
        ["RecordedBy"] = "Người ghi",
        ["RecordedAt"] = "Thời điểm ghi",
        ["Text"] = "Nội dung",
        ["Number"] = "Số",
        ["IssueDate"] = "Ngày ban hành",
        ["IssuedAt"] = "Thời điểm ban hành",
        ["IssuedBy"] = "Người ban hành",
        ["SignerName"] = "Người ký",
        ["SignerTitle"] = "Chức vụ người ký",
        ["ReportKind"] = "Loại báo cáo",
        ["Format"] = "Định dạng",
        ["FileName"] = "Tên tệp",
        ["ContentType"] = "Kiểu tệp",
        ["Size"] = "Dung lượng (byte)",
        ["Description"] = "Mô tả",
        ["Comment"] = "Ý kiến",
        ["FullName"] = "Họ và tên",
        ["IsActive"] = "Đang hoạt động",
        ["IsDemo"] = "Tài khoản mẫu",
        ["UserName"] = "Tên đăng nhập",
        ["NormalizedUserName"] = "Tên đăng nhập (chuẩn hóa)",
        ["Email"] = "Thư điện tử",
        ["NormalizedEmail"] = "Thư điện tử (chuẩn hóa)",
        ["EmailConfirmed"] = "Đã xác nhận thư điện tử",
        ["PhoneNumber"] = "Số điện thoại",
        ["PhoneNumberConfirmed"] = "Đã xác nhận số điện thoại",
        ["TwoFactorEnabled"] = "Xác thực hai lớp",
        ["LockoutEnabled"] = "Cho phép khóa khi đăng nhập sai",
        ["LockoutEnd"] = "Khóa đến",
        ["AccessFailedCount"] = "Số lần đăng nhập sai",
        ["UserId"] = "Tài khoản (mã số)",
        ["RoleId"] = "Vai trò (mã số)",
        ["ImportedAt"] = "Thời điểm nhập",
        ["ImportedBy"] = "Người nhập",
        ["Prefix"] = "Tiền tố",
        ["RevokedAt"] = "Thời điểm thu hồi",
        ["RevokedBy"] = "Người thu hồi",
        ["LastUsedAt"] = "Lần dùng gần nhất",
        ["Sha256"] = "SHA-256",
        ["ProgramCode"] = "Mã chương trình",
        ["UploadedBy"] = "Người tải lên",
        ["UploadedAt"] = "Thời điểm tải lên",
        ["CheckedAt"] = "Thời điểm kiểm tra",
        ["ErrorCount"] = "Số lỗi",
        ["NewProposalCount"] = "Số đề án mới",
        ["NewLedgerEntryCount"] = "Số bút toán mới",
        ["ImportBatchId"] = "Lần nhập (mã số)",
        ["Data"] = "Nội dung tệp",
        ["Report"] = "Kết quả kiểm tra",
        ["Hash"] = "Mã băm của khóa",
        ["ModelJson"] = "Số liệu báo cáo (JSON)",
        ["Pdf"] = "Tệp PDF",
        ["Xlsx"] = "Tệp Excel",
        // Issued documents (ADR 0130-0133).
        ["Docx"] = "Tệp Word do cổng tạo",
        ["UploadedPdf"] = "Tệp PDF tải lên",
        ["UploadedDocx"] = "Tệp Word tải lên",
        ["IssuedPdf"] = "Tệp PDF đã phát hành (đã ký)",
        ["IssuedSha256"] = "SHA-256 tệp phát hành",
        ["VerificationCode"] = "Mã xác thực",
        ["RegisterYear"] = "Năm đăng ký",
        ["RegisterSequence"] = "Số thứ tự trong sổ",
        ["LastNumber"] = "Số cuối cùng đã cấp",
        ["SignatureSubject"] = "Chứng thư ký số",
        ["SignatureThumbprint"] = "Dấu vân tay chứng thư",
        ["SignatureNotAfter"] = "Chứng thư hết hạn",
        ["SignatureIsTest"] = "Chứng thư thử nghiệm",
        ["SignedAt"] = "Thời điểm ký số",
        ["IssuedReportId"] = "Văn bản đã ban hành (mã số)",
        ["PasswordHash"] = "Mật khẩu (mã băm)",
        ["SecurityStamp"] = "Dấu bảo mật của phiên",
        // Enterprises apply online (issue 16).
        ["OrganizationId"] = "Doanh nghiệp (mã số)",
        ["Position"] = "Chức vụ",
        ["LegalRepresentative"] = "Người đại diện theo pháp luật",
        ["Phone"] = "Số điện thoại",
        ["CertificateFileId"] = "Giấy chứng nhận đăng ký doanh nghiệp (tệp số)",
        ["DecidedAt"] = "Thời điểm xác minh/từ chối",
        ["DecidedBy"] = "Người xác minh/từ chối",
        ["RefusalReason"] = "Lý do từ chối",
        ["OpensAt"] = "Bắt đầu nhận hồ sơ",
        ["ClosesAt"] = "Kết thúc nhận hồ sơ",
        ["Guidance"] = "Hướng dẫn",
        ["Contact"] = "Liên hệ",
        ["PublishedAt"] = "Thời điểm công bố",
        ["CallId"] = "Thông báo tiếp nhận hồ sơ (mã số)",
        ["CallItemId"] = "Nội dung của thông báo (mã số)",
        ["Checklist"] = "Danh mục hồ sơ yêu cầu",
        ["Objectives"] = "Mục tiêu",
        ["ExpectedOutputs"] = "Sản phẩm dự kiến",
        ["TotalCost"] = "Tổng dự toán",
        ["RequestedSupport"] = "Kinh phí đề nghị hỗ trợ",
        ["Counterpart"] = "Vốn đối ứng",
        ["LastSubmittedAt"] = "Lần nộp gần nhất",
        ["DeclineReason"] = "Lý do không tiếp nhận",
        ["ApplicationId"] = "Hồ sơ đề nghị hỗ trợ (mã số)",
        ["Requirement"] = "Loại giấy tờ",
        ["DossierFileId"] = "Tệp (mã số)",
        ["Round"] = "Lần bổ sung",
        ["IsWithdrawn"] = "Đã rút",
        ["WithdrawnAt"] = "Thời điểm rút",
        ["Message"] = "Nội dung yêu cầu",
        ["Deadline"] = "Hạn bổ sung",
        ["RequestedBy"] = "Người yêu cầu",
        ["RequestedAt"] = "Thời điểm yêu cầu",
        ["AnsweredAt"] = "Thời điểm nộp bổ sung",
        ["AnswerNote"] = "Ghi chú khi nộp bổ sung",
        ["Action"] = "Thao tác",
        ["FromStatus"] = "Từ trạng thái",
        ["ToStatus"] = "Sang trạng thái",
        ["UserDisplayName"] = "Họ tên",
        ["At"] = "Thời điểm",
    };

    /// <summary>Label for the audit page: the known label, else a common one, else the field's own name.</summary>
    public static string DisplayLabel(string entityType, string field) =>
        Label(entityType, field) ?? Common.GetValueOrDefault(field) ?? field;

    /// <summary>A stored value as a person reads it: 1.250.000.000 đồng, 05/01/2026, "Đã phê duyệt".</summary>
    public static string Value(string entityType, string field, string? raw)
    {
        if (raw is null)
        {
            return "(trống)";
        }

        if (AmountFields.Contains(field) && decimal.TryParse(raw, NumberStyles.Number, CultureInfo.InvariantCulture, out var amount))
        {
            return VnFormat.Dong(amount) + " đồng";
        }

        switch (field)
        {
            case "Status" when entityType == "AnnualEstimate" && Enum.TryParse<Domain.Estimates.EstimateStatus>(raw, out var estimateStatus):
                return Domain.Estimates.AnnualEstimate.StatusDisplayName(estimateStatus);
            case "Status" when entityType == "ImportBatch" && Enum.TryParse<Domain.DataExchange.ImportBatchStatus>(raw, out var batchStatus):
                return batchStatus switch
                {
                    Domain.DataExchange.ImportBatchStatus.Checked => "Đã kiểm tra, chờ xác nhận",
                    Domain.DataExchange.ImportBatchStatus.Imported => "Đã nhập",
                    Domain.DataExchange.ImportBatchStatus.Discarded => "Đã hủy",
                    _ => raw,
                };
            case "Status" or "FromStatus" or "ToStatus" when Enum.TryParse<ProposalStatus>(raw, out var status):
                return status.DisplayName();
            case "Action" when entityType == "ProposalTransition" && Enum.TryParse<ProposalAction>(raw, out var action):
                return action.DisplayName();
            case "Kind" when entityType == "Organization" && Enum.TryParse<OrganizationKind>(raw, out var kind):
                return Organization.KindDisplayName(kind);
            case "Kind" when entityType == "DisbursementEntry" && Enum.TryParse<DisbursementKind>(raw, out var entryKind):
                return DisbursementEntry.KindDisplayName(entryKind);
            case "Source" when Enum.TryParse<FundingSource>(raw, out var source):
                return DisbursementEntry.SourceDisplayName(source);
            case "DocumentType" when Enum.TryParse<DocumentType>(raw, out var doc):
                return Attachment.DocumentTypeDisplayName(doc);
            case "IsDeleted" or "IsSample" or "IsActive" or "IsDemo" or "EmailConfirmed" or "PhoneNumberConfirmed" or "TwoFactorEnabled" or "LockoutEnabled":
                return raw == "true" ? "Có" : raw == "false" ? "Không" : raw;
            default:
                break;
        }

        if (raw.Length == 10 && DateOnly.TryParseExact(raw, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return VnFormat.Date(date);
        }

        if (raw.Length >= 19 && raw[10] == 'T' && DateTime.TryParse(raw, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var at))
        {
            return VnFormat.DateTime(at);
        }

        return raw;
    }
}
