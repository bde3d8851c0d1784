using NgheAn.CNHT.Domain.Common;

namespace NgheAn.CNHT.Domain.Proposals;

/// <summary>
/// A proposal (đề án) under one content item, led by one unit. Amounts are whole đồng; the figures
/// that count in reports are the settled ones once settled, else the approved ones.
/// </summary>
public sealed class Proposal : AuditableEntity, IConcurrencyStamped
{
    private readonly List<ProposalTransition> _transitions = [];

    private Proposal() { }

    public Proposal(ProposalDraft draft, ProposalContext context, Actor actor, DateTime utcNow, bool isSample = false)
    {
        Code = Guard.Required(draft.Code, "Mã đề án", FieldLengths.ProposalCode, nameof(Code));
        ProgramId = context.ProgramId;
        ApplyDraft(draft, context);
        Status = ProposalStatus.Draft;
        StatusChangedAt = utcNow;
        IsSample = isSample;
        ConcurrencyStamp = Guid.NewGuid();
        _transitions.Add(new ProposalTransition(this, null, null, ProposalStatus.Draft, actor, utcNow, "Tạo dự thảo đề án"));
    }

    /// <summary>Length of <see cref="SearchText"/>: code (30) and title (500) folded, with room to spare.</summary>
    public const int SearchTextLength = 600;

    public string Code { get; private set; } = "";
    public string Title { get; private set; } = "";
    /// <summary>Code and title folded for search (<see cref="Common.SearchText"/>); kept in step by the domain.</summary>
    public string SearchText { get; private set; } = "";
    public string? Objectives { get; private set; }
    public string? ExpectedOutputs { get; private set; }
    public int ProgramId { get; private set; }
    public int ContentItemId { get; private set; }
    public Catalog.ContentItem ContentItem { get; private set; } = null!;
    public int LeadOrganizationId { get; private set; }
    public Organizations.Organization LeadOrganization { get; private set; } = null!;
    public int StartYear { get; private set; }
    public int EndYear { get; private set; }

    public decimal RequestedTotalCost { get; private set; }
    public decimal RequestedProvincialShare { get; private set; }

    public DateOnly? AppraisalDate { get; private set; }
    public string? AppraisalOpinion { get; private set; }
    public decimal? RecommendedTotalCost { get; private set; }
    public decimal? RecommendedProvincialShare { get; private set; }

    public string? DecisionNumber { get; private set; }
    public DateOnly? DecisionDate { get; private set; }
    public decimal? ApprovedTotalCost { get; private set; }
    public decimal? ApprovedProvincialShare { get; private set; }

    public DateOnly? AcceptanceDate { get; private set; }
    public string? AcceptanceResult { get; private set; }

    public string? SettlementDecisionNumber { get; private set; }
    public DateOnly? SettlementDate { get; private set; }
    public decimal? SettledTotalCost { get; private set; }
    public decimal? SettledProvincialShare { get; private set; }

    public string? ClosingReason { get; private set; }
    public ProposalStatus Status { get; private set; }
    public DateTime StatusChangedAt { get; private set; }
    public bool IsSample { get; private set; }
    public Guid ConcurrencyStamp { get; private set; }

    public IReadOnlyCollection<ProposalTransition> Transitions => _transitions.AsReadOnly();

    public YearRange Years => new(StartYear, EndYear);

    /// <summary>Only a draft (new or returned for revision) can be edited.</summary>
    public void EnsureEditable()
    {
        if (Status != ProposalStatus.Draft)
        {
            throw new DomainException($"Chỉ sửa được đề án ở trạng thái \"Dự thảo\"; đề án này đang ở trạng thái \"{Status.DisplayName()}\".");
        }
    }

    /// <summary>Edits the draft. Only a draft (new or returned for revision) can be edited.</summary>
    public void Edit(ProposalDraft draft, ProposalContext context, Actor actor)
    {
        EnsureEditable();

        if (!actor.IsIn(Roles.DoitSpecialist))
        {
            throw new DomainException("Chỉ Chuyên viên Sở được sửa đề án.");
        }

        if (context.ProgramId != ProgramId)
        {
            throw new DomainException("Không thể chuyển đề án sang nội dung của chương trình khác.", nameof(ContentItemId));
        }

        ApplyDraft(draft, context);
    }

    private void ApplyDraft(ProposalDraft draft, ProposalContext context)
    {
        CheckDraft(draft, context.ContentItemId, context.LeadOrganizationId, context.ProgramPeriod);
        Title = draft.Title.Trim().Normalize(System.Text.NormalizationForm.FormC);
        RefreshSearchText();
        Objectives = Guard.Optional(draft.Objectives, "Mục tiêu", FieldLengths.LongText, nameof(Objectives));
        ExpectedOutputs = Guard.Optional(draft.ExpectedOutputs, "Sản phẩm dự kiến", FieldLengths.LongText, nameof(ExpectedOutputs));
        ContentItemId = context.ContentItemId;
        LeadOrganizationId = context.LeadOrganizationId;
        StartYear = draft.StartYear;
        EndYear = draft.EndYear;
        RequestedTotalCost = draft.TotalCost;
        RequestedProvincialShare = draft.ProvincialShare;
    }

    /// <summary>
    /// Every rule of a draft in one pass (ADR 0120); throws one <see cref="DomainException"/> with all broken rules.
    /// <paramref name="leadOrganizationId"/> -1 stands for a lead unit created with the proposal; a null
    /// <paramref name="period"/> (no item chosen) skips the checks against the program's period.
    /// </summary>
    public static void CheckDraft(ProposalDraft draft, int contentItemId, int leadOrganizationId, YearRange? period, RuleCheck? into = null)
    {
        var check = into ?? new RuleCheck();
        check.Run(() => Guard.Required(draft.Title, "Tên đề án", FieldLengths.ProposalTitle, nameof(Title)));
        check.Run(() => Guard.Optional(draft.Objectives, "Mục tiêu", FieldLengths.LongText, nameof(Objectives)));
        check.Run(() => Guard.Optional(draft.ExpectedOutputs, "Sản phẩm dự kiến", FieldLengths.LongText, nameof(ExpectedOutputs)));
        if (contentItemId <= 0 && !check.IsBroken(nameof(ContentItemId)))
        {
            check.Add(new DomainException("Vui lòng chọn nội dung hỗ trợ.", nameof(ContentItemId)));
        }

        if (leadOrganizationId == 0 && !check.IsBroken(nameof(LeadOrganizationId)))
        {
            check.Add(new DomainException("Vui lòng chọn đơn vị chủ trì.", nameof(LeadOrganizationId)));
        }

        CheckYears(draft.StartYear, draft.EndYear, period, check);
        check.Run(() => CheckAmounts(draft.TotalCost, draft.ProvincialShare, "", "Requested"));
        if (into is null)
        {
            check.ThrowIfBroken();
        }
    }

    private static void CheckYears(int start, int end, YearRange? period, RuleCheck check)
    {
        var startOutside = period is { } p1 && !p1.Contains(start);
        var endOutside = period is { } p2 && !p2.Contains(end);
        if (startOutside)
        {
            check.Add(new DomainException($"Năm bắt đầu phải nằm trong giai đoạn của chương trình ({period}).", nameof(StartYear)));
        }

        if (endOutside)
        {
            check.Add(new DomainException($"Năm kết thúc phải nằm trong giai đoạn của chương trình ({period}).", nameof(EndYear)));
        }
        else if (start > end)
        {
            check.Add(new DomainException($"Năm bắt đầu ({start}) không được sau năm kết thúc ({end}).", nameof(EndYear)));
        }
    }

    /// <summary>Total cost positive; provincial share not negative and never above the total cost (every broken rule at once).</summary>
    public static void CheckAmounts(decimal totalCost, decimal provincialShare, string qualifier, string fieldPrefix)
    {
        var check = new RuleCheck();
        var totalOk = check.Run(() => { Guard.PositiveAmount(totalCost, $"Tổng kinh phí{qualifier}", fieldPrefix + "TotalCost"); return true; });
        var shareOk = check.Run(() => { Guard.Amount(provincialShare, $"Ngân sách tỉnh hỗ trợ{qualifier}", fieldPrefix + "ProvincialShare"); return true; });
        if (totalOk && shareOk && provincialShare > totalCost)
        {
            check.Add(new DomainException($"Ngân sách tỉnh hỗ trợ{qualifier} không được lớn hơn tổng kinh phí{qualifier}.", fieldPrefix + "ProvincialShare"));
        }

        check.ThrowIfBroken();
    }

    public void Submit(Actor actor, DateTime utcNow, string? comment) =>
        Move(ProposalAction.Submit, actor, utcNow, comment);

    /// <summary>
    /// An enterprise's online application accepted by the Support Center arrives already submitted: the dossier was
    /// filed by the enterprise and checked at intake, so it enters the workflow at Submitted and runs on unchanged
    /// (docs/decisions/0152-intake-creates-a-submitted-proposal.md). Only on a proposal just created, never saved.
    /// </summary>
    public void ReceiveFromApplication(string applicationCode, Actor actor, DateTime utcNow)
    {
        if (Id != 0 || Status != ProposalStatus.Draft || _transitions.Count != 1)
        {
            throw new DomainException("Chỉ đề án vừa lập từ hồ sơ trực tuyến mới được tiếp nhận theo cách này.");
        }

        if (!actor.IsIn(Roles.SupportCenter))
        {
            throw new DomainException("Chỉ Trung tâm tiếp nhận hồ sơ trực tuyến thành đề án.");
        }

        var rule = new TransitionRule(ProposalAction.Submit, new HashSet<ProposalStatus> { ProposalStatus.Draft }, ProposalStatus.Submitted,
            new HashSet<string> { Roles.SupportCenter }, false);
        Record(rule, actor, utcNow, $"Tiếp nhận hồ sơ trực tuyến {applicationCode} của doanh nghiệp");
    }

    /// <summary>The Support Center records the appraisal council's opinion and recommended amounts (every broken rule at once, ADR 0128).</summary>
    public void Appraise(Actor actor, DateTime utcNow, DateOnly appraisalDate, string opinion, decimal recommendedTotalCost, decimal recommendedProvincialShare)
    {
        var rule = ProposalWorkflow.Resolve(ProposalAction.Appraise, Status, actor);
        var check = new RuleCheck();
        opinion = check.Run(() => Guard.Required(opinion, "Ý kiến của Hội đồng thẩm định", FieldLengths.LongText, nameof(AppraisalOpinion)), opinion);
        check.Run(() => CheckDate(appraisalDate, utcNow, "Ngày thẩm định", nameof(AppraisalDate)));
        check.Run(() => CheckAmounts(recommendedTotalCost, recommendedProvincialShare, " đề nghị", "Recommended"));
        check.ThrowIfBroken();
        AppraisalDate = appraisalDate;
        AppraisalOpinion = opinion;
        RecommendedTotalCost = recommendedTotalCost;
        RecommendedProvincialShare = recommendedProvincialShare;
        Record(rule, actor, utcNow, opinion);
    }

    /// <summary>The leader's decision: number, date (not before the appraisal), approved amounts; every broken rule at once (ADR 0128).</summary>
    public void Approve(Actor actor, DateTime utcNow, string decisionNumber, DateOnly decisionDate, decimal approvedTotalCost, decimal approvedProvincialShare, string? comment)
    {
        var rule = ProposalWorkflow.Resolve(ProposalAction.Approve, Status, actor);
        var check = new RuleCheck();
        decisionNumber = check.Run(() => Guard.Required(decisionNumber, "Số quyết định phê duyệt", FieldLengths.DecisionNumber, nameof(DecisionNumber)), decisionNumber);
        check.Run(() => CheckDate(decisionDate, utcNow, "Ngày quyết định", nameof(DecisionDate)));
        if (!check.IsBroken(nameof(DecisionDate)) && AppraisalDate is { } appraised && decisionDate < appraised)
        {
            check.Add(new DomainException("Ngày quyết định phê duyệt không được trước ngày thẩm định.", nameof(DecisionDate)));
        }

        check.Run(() => CheckAmounts(approvedTotalCost, approvedProvincialShare, " được duyệt", "Approved"));
        comment = check.Run(() => Guard.Optional(comment, "Ghi chú", FieldLengths.LongText, "Comment"), comment);
        check.ThrowIfBroken();
        DecisionNumber = decisionNumber;
        DecisionDate = decisionDate;
        ApprovedTotalCost = approvedTotalCost;
        ApprovedProvincialShare = approvedProvincialShare;
        Record(rule, actor, utcNow, comment ?? $"Quyết định số {decisionNumber}");
    }

    public void Reject(Actor actor, DateTime utcNow, string reason) => Close(ProposalAction.Reject, actor, utcNow, reason);

    public void StartImplementation(Actor actor, DateTime utcNow, string? comment) =>
        Move(ProposalAction.StartImplementation, actor, utcNow, comment);

    public void Accept(Actor actor, DateTime utcNow, DateOnly acceptanceDate, string result)
    {
        var rule = ProposalWorkflow.Resolve(ProposalAction.Accept, Status, actor);
        var check = new RuleCheck();
        result = check.Run(() => Guard.Required(result, "Kết quả nghiệm thu", FieldLengths.LongText, nameof(AcceptanceResult)), result);
        check.Run(() => CheckDate(acceptanceDate, utcNow, "Ngày nghiệm thu", nameof(AcceptanceDate)));
        if (!check.IsBroken(nameof(AcceptanceDate)) && DecisionDate is { } decided && acceptanceDate < decided)
        {
            check.Add(new DomainException("Ngày nghiệm thu không được trước ngày quyết định phê duyệt.", nameof(AcceptanceDate)));
        }

        check.ThrowIfBroken();
        AcceptanceDate = acceptanceDate;
        AcceptanceResult = result;
        Record(rule, actor, utcNow, result);
    }

    /// <summary>
    /// Settlement fixes the final figures (which may be lower than approved, never higher) and, from then
    /// on, they are what every report shows. <paramref name="disbursedProvincial"/> is what the ledger paid from the
    /// provincial budget, <paramref name="disbursedNonProvincial"/> what it recorded from counterpart and other
    /// sources: neither may exceed its part of the settled figures, since the ledger closes with the settlement.
    /// </summary>
    public void Settle(Actor actor, DateTime utcNow, string decisionNumber, DateOnly settlementDate, decimal settledTotalCost, decimal settledProvincialShare, decimal disbursedProvincial, string? comment, decimal disbursedNonProvincial = 0m)
    {
        var rule = ProposalWorkflow.Resolve(ProposalAction.Settle, Status, actor);
        // Every broken rule at once (ADR 0128); a comparison whose own figure is already wrong is skipped.
        var check = new RuleCheck();
        decisionNumber = check.Run(() => Guard.Required(decisionNumber, "Số quyết định quyết toán", FieldLengths.DecisionNumber, nameof(SettlementDecisionNumber)), decisionNumber);
        check.Run(() => CheckDate(settlementDate, utcNow, "Ngày quyết toán", nameof(SettlementDate)));
        if (!check.IsBroken(nameof(SettlementDate)) && AcceptanceDate is { } accepted && settlementDate < accepted)
        {
            check.Add(new DomainException("Ngày quyết toán không được trước ngày nghiệm thu.", nameof(SettlementDate)));
        }

        var amountsOk = check.Run(() => { CheckAmounts(settledTotalCost, settledProvincialShare, " quyết toán", "Settled"); return true; });
        if (amountsOk)
        {
            if (settledTotalCost > ApprovedTotalCost)
            {
                check.Add(new DomainException("Tổng kinh phí quyết toán không được vượt tổng kinh phí được duyệt.", "SettledTotalCost"));
            }

            if (settledProvincialShare > ApprovedProvincialShare)
            {
                check.Add(new DomainException("Ngân sách tỉnh quyết toán không được vượt phần ngân sách tỉnh được duyệt.", "SettledProvincialShare"));
            }
            else if (disbursedProvincial > settledProvincialShare)
            {
                check.Add(new DomainException(
                    "Số ngân sách tỉnh đã giải ngân lớn hơn số quyết toán; hãy ghi bút toán thu hồi phần chênh lệch trước khi quyết toán.",
                    "SettledProvincialShare"));
            }

            if (!check.IsBroken("SettledTotalCost") && disbursedNonProvincial > settledTotalCost - settledProvincialShare)
            {
                check.Add(new DomainException(
                    $"Vốn đối ứng và nguồn khác đã ghi ({VnFormat.Dong(disbursedNonProvincial)} đồng) lớn hơn phần ngoài ngân sách tỉnh của số quyết toán "
                    + $"({VnFormat.Dong(settledTotalCost - settledProvincialShare)} đồng); hãy ghi bút toán thu hồi phần chênh lệch hoặc sửa số quyết toán.",
                    "SettledTotalCost"));
            }
        }

        comment = check.Run(() => Guard.Optional(comment, "Ghi chú", FieldLengths.LongText, "Comment"), comment);
        check.ThrowIfBroken();
        SettlementDecisionNumber = decisionNumber;
        SettlementDate = settlementDate;
        SettledTotalCost = settledTotalCost;
        SettledProvincialShare = settledProvincialShare;
        Record(rule, actor, utcNow, comment ?? $"Quyết định quyết toán số {decisionNumber}");
    }

    public void Cancel(Actor actor, DateTime utcNow, string reason) => Close(ProposalAction.Cancel, actor, utcNow, reason);

    public void ReturnForRevision(Actor actor, DateTime utcNow, string reason) =>
        Move(ProposalAction.ReturnForRevision, actor, utcNow, reason);

    private void Close(ProposalAction action, Actor actor, DateTime utcNow, string reason)
    {
        var rule = ProposalWorkflow.Resolve(action, Status, actor);
        ClosingReason = Guard.Required(reason, "Lý do", FieldLengths.LongText, "Comment");
        Record(rule, actor, utcNow, ClosingReason);
    }

    private void Move(ProposalAction action, Actor actor, DateTime utcNow, string? comment)
    {
        var rule = ProposalWorkflow.Resolve(action, Status, actor);
        var text = rule.CommentRequired
            ? Guard.Required(comment, "Ý kiến / lý do", FieldLengths.LongText, "Comment")
            : Guard.Optional(comment, "Ý kiến", FieldLengths.LongText, "Comment");
        Record(rule, actor, utcNow, text);
    }

    private void Record(TransitionRule rule, Actor actor, DateTime utcNow, string? comment)
    {
        _transitions.Add(new ProposalTransition(this, rule.Action, Status, rule.To, actor, utcNow, comment));
        Status = rule.To;
        StatusChangedAt = utcNow;
    }

    private static void CheckDate(DateOnly date, DateTime utcNow, string label, string field)
    {
        // One day of slack: Vietnam is UTC+7, so "today" there can be tomorrow in UTC terms.
        if (date > DateOnly.FromDateTime(utcNow).AddDays(1))
        {
            throw new DomainException($"{label} không được ở tương lai.", field);
        }

        if (date.Year < 2000)
        {
            throw new DomainException($"{label} không hợp lệ.", field);
        }
    }

    public void RenewConcurrencyStamp() => ConcurrencyStamp = Guid.NewGuid();

    /// <summary>Recomputes the folded search text (also used once for rows written before the column existed).</summary>
    public void RefreshSearchText() => SearchText = Common.SearchText.For(SearchTextLength, Code, Title);
}

/// <summary>What a specialist types for a proposal.</summary>
public sealed record ProposalDraft(
    string Code,
    string Title,
    string? Objectives,
    string? ExpectedOutputs,
    int StartYear,
    int EndYear,
    decimal TotalCost,
    decimal ProvincialShare);

/// <summary>Where the proposal sits: the catalog item (and its program's period) and the lead unit.</summary>
public sealed record ProposalContext(int ProgramId, YearRange ProgramPeriod, int ContentItemId, int LeadOrganizationId);
