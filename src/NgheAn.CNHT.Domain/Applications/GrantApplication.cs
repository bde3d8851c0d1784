using NgheAn.CNHT.Domain.Common;

namespace NgheAn.CNHT.Domain.Applications;

/// <summary>What an enterprise types for an application (hồ sơ đề nghị hỗ trợ), besides its cost lines.</summary>
public sealed record ApplicationDraft(
    string Title,
    string? Objectives,
    string? ExpectedOutputs,
    int StartYear,
    int EndYear,
    decimal RequestedSupport,
    decimal Counterpart);

/// <summary>One line of the cost estimate as typed: nội dung chi, đơn vị tính, số lượng, đơn giá.</summary>
public sealed record CostLineInput(string? Description, string? Unit, decimal Quantity, decimal UnitPrice);

/// <summary>
/// An enterprise's application to one content item of a published call. Its total cost is always the sum of its
/// cost lines, never typed; the requested support may not exceed it and support + counterpart make it up.
/// Every step is kept as an <see cref="ApplicationEvent"/> and every supplement round as a <see cref="SupplementRequest"/>.
/// </summary>
public sealed class GrantApplication : AuditableEntity, IConcurrencyStamped
{
    public const int MaxLines = 100;

    private readonly List<CostLine> _lines = [];
    private readonly List<ApplicationDocument> _documents = [];
    private readonly List<SupplementRequest> _supplements = [];
    private readonly List<ApplicationEvent> _events = [];
    private readonly List<ApplicationOutput> _outputs = [];

    private GrantApplication() { }

    public GrantApplication(int organizationId, int callId, int callItemId, int contentItemId, YearRange programPeriod,
        ApplicationDraft draft, IReadOnlyList<CostLineInput> lines, Actor actor, DateTime utcNow)
    {
        EnsureEnterprise(actor);
        OrganizationId = organizationId;
        CallId = callId;
        CallItemId = callItemId;
        ContentItemId = contentItemId;
        Apply(programPeriod, draft, lines);
        Status = ApplicationStatus.Draft;
        ConcurrencyStamp = Guid.NewGuid();
        _events.Add(new ApplicationEvent(this, ApplicationAction.Create, null, ApplicationStatus.Draft, actor, utcNow, null));
    }

    public string? Code { get; private set; }
    public int OrganizationId { get; private set; }
    public Organizations.Organization Organization { get; private set; } = null!;
    public int CallId { get; private set; }
    public Calls.CallForApplications Call { get; private set; } = null!;
    public int CallItemId { get; private set; }
    public int ContentItemId { get; private set; }
    public Catalog.ContentItem ContentItem { get; private set; } = null!;
    public string Title { get; private set; } = "";
    public string? Objectives { get; private set; }
    public string? ExpectedOutputs { get; private set; }
    public int StartYear { get; private set; }
    public int EndYear { get; private set; }
    /// <summary>Sum of the cost lines (kept in step by the domain, stored for lists).</summary>
    public decimal TotalCost { get; private set; }
    public decimal RequestedSupport { get; private set; }
    public decimal Counterpart { get; private set; }
    public ApplicationStatus Status { get; private set; }
    public DateTime? SubmittedAt { get; private set; }
    public DateTime? LastSubmittedAt { get; private set; }
    public string? DeclineReason { get; private set; }
    public int? ProposalId { get; private set; }
    public Guid ConcurrencyStamp { get; private set; }

    public IReadOnlyCollection<CostLine> Lines => _lines.AsReadOnly();
    public IReadOnlyCollection<ApplicationDocument> Documents => _documents.AsReadOnly();
    public IReadOnlyCollection<SupplementRequest> Supplements => _supplements.AsReadOnly();
    public IReadOnlyCollection<ApplicationEvent> Events => _events.AsReadOnly();
    /// <summary>Expected outputs against the output indicators of the item (ADR 0178).</summary>
    public IReadOnlyCollection<ApplicationOutput> Outputs => _outputs.AsReadOnly();

    public bool IsEditable => ApplicationWorkflow.Editable.Contains(Status);

    public void Edit(YearRange programPeriod, ApplicationDraft draft, IReadOnlyList<CostLineInput> lines, Actor actor)
    {
        EnsureEnterprise(actor);
        EnsureEditable();
        Apply(programPeriod, draft, lines);
    }

    /// <summary>Replaces the expected outputs by rows already checked with <see cref="ApplicationOutput.Check"/>.</summary>
    public void StateOutputs(IReadOnlyList<(int IndicatorId, decimal Expected)> outputs, Actor actor)
    {
        EnsureEnterprise(actor);
        EnsureEditable();
        foreach (var gone in _outputs.Where(o => !outputs.Any(x => x.IndicatorId == o.OutputIndicatorId)).ToList())
        {
            _outputs.Remove(gone);
        }

        foreach (var (indicatorId, expected) in outputs)
        {
            var row = _outputs.FirstOrDefault(o => o.OutputIndicatorId == indicatorId);
            if (row is null)
            {
                _outputs.Add(new ApplicationOutput(indicatorId, expected));
            }
            else
            {
                row.Change(expected);
            }
        }
    }

    /// <summary>
    /// An item with output indicators needs at least one expected output before the application goes to the Support
    /// Center (ADR 0178); an item without indicators needs none.
    /// </summary>
    public void EnsureOutputsStated(IReadOnlyList<ItemIndicatorChoice> indicators)
    {
        if (indicators.Count > 0 && !_outputs.Any(o => o.Expected > 0 && indicators.Any(i => i.Id == o.OutputIndicatorId)))
        {
            throw new DomainException($"Nội dung hỗ trợ này có chỉ tiêu đầu ra ({string.Join("; ", indicators.Select(i => i.Label))}): vui lòng sửa hồ sơ, nhập số lượng dự kiến cho ít nhất một chỉ tiêu trước khi nộp.", "Outputs");
        }
    }

    public void EnsureEditable()
    {
        if (!IsEditable)
        {
            throw new DomainException($"Hồ sơ đang ở trạng thái \"{Status.DisplayName()}\": không sửa được nữa.");
        }
    }

    private void Apply(YearRange period, ApplicationDraft draft, IReadOnlyList<CostLineInput> lines)
    {
        Title = Guard.Required(draft.Title, "Tên đề án", 500, nameof(Title));
        Objectives = Guard.Optional(draft.Objectives, "Mục tiêu", 4000, nameof(Objectives));
        ExpectedOutputs = Guard.Optional(draft.ExpectedOutputs, "Sản phẩm dự kiến", 4000, nameof(ExpectedOutputs));
        if (draft.StartYear > draft.EndYear)
        {
            throw new DomainException($"Năm bắt đầu ({draft.StartYear}) không được sau năm kết thúc ({draft.EndYear}).", nameof(EndYear));
        }

        if (!period.Contains(draft.StartYear) || !period.Contains(draft.EndYear))
        {
            throw new DomainException($"Thời gian thực hiện phải nằm trong giai đoạn của chương trình ({period}).", nameof(StartYear));
        }

        StartYear = draft.StartYear;
        EndYear = draft.EndYear;

        var checkedLines = CheckLines(lines);
        var total = checkedLines.Sum(l => l.Amount);
        Guard.PositiveAmount(total, "Tổng dự toán kinh phí", "Lines");
        Guard.Amount(draft.RequestedSupport, "Kinh phí đề nghị hỗ trợ", nameof(RequestedSupport));
        Guard.Amount(draft.Counterpart, "Vốn đối ứng", nameof(Counterpart));
        if (draft.RequestedSupport > total)
        {
            throw new DomainException($"Kinh phí đề nghị hỗ trợ ({VnFormat.Dong(draft.RequestedSupport)} đồng) không được lớn hơn tổng dự toán ({VnFormat.Dong(total)} đồng).", nameof(RequestedSupport));
        }

        if (draft.RequestedSupport + draft.Counterpart != total)
        {
            throw new DomainException($"Kinh phí đề nghị hỗ trợ cộng vốn đối ứng ({VnFormat.Dong(draft.RequestedSupport + draft.Counterpart)} đồng) phải bằng tổng dự toán ({VnFormat.Dong(total)} đồng).", nameof(Counterpart));
        }

        _lines.Clear();
        _lines.AddRange(checkedLines.Select((l, i) => new CostLine(i + 1, l.Description, l.Unit, l.Quantity, l.UnitPrice, l.Amount)));
        TotalCost = total;
        RequestedSupport = draft.RequestedSupport;
        Counterpart = draft.Counterpart;
    }

    private static List<(string Description, string Unit, decimal Quantity, decimal UnitPrice, decimal Amount)> CheckLines(IReadOnlyList<CostLineInput> lines)
    {
        var typed = lines.Where(l => !string.IsNullOrWhiteSpace(l.Description) || !string.IsNullOrWhiteSpace(l.Unit) || l.Quantity != 0 || l.UnitPrice != 0).ToList();
        if (typed.Count == 0)
        {
            throw new DomainException("Dự toán kinh phí phải có ít nhất một dòng (nội dung chi, đơn vị tính, số lượng, đơn giá).", "Lines");
        }

        if (typed.Count > MaxLines)
        {
            throw new DomainException($"Dự toán có tối đa {MaxLines} dòng.", "Lines");
        }

        var result = new List<(string, string, decimal, decimal, decimal)>();
        for (var i = 0; i < typed.Count; i++)
        {
            var n = i + 1;
            var line = typed[i];
            var description = Guard.Required(line.Description, $"Dòng {n}: nội dung chi", 500, "Lines");
            var unit = Guard.Required(line.Unit, $"Dòng {n}: đơn vị tính", 50, "Lines");
            if (line.Quantity <= 0)
            {
                throw new DomainException($"Dòng {n}: số lượng phải lớn hơn 0.", "Lines");
            }

            if (line.Quantity != decimal.Round(line.Quantity, 2) || line.Quantity > 1_000_000_000m)
            {
                throw new DomainException($"Dòng {n}: số lượng có tối đa hai chữ số thập phân.", "Lines");
            }

            Guard.Amount(line.UnitPrice, $"Dòng {n}: đơn giá", "Lines");
            var amount = line.Quantity * line.UnitPrice;
            if (amount != decimal.Truncate(amount))
            {
                throw new DomainException($"Dòng {n}: thành tiền (số lượng × đơn giá = {amount.ToString("#,##0.##", VnFormat.Culture)}) phải là số đồng nguyên.", "Lines");
            }

            Guard.Amount(amount, $"Dòng {n}: thành tiền", "Lines");
            result.Add((description, unit, line.Quantity, line.UnitPrice, amount));
        }

        return result;
    }

    /// <summary>Adds a document against one checklist line (a file already checked by content).</summary>
    public ApplicationDocument AddDocument(string requirement, int dossierFileId, Actor actor, DateTime utcNow)
    {
        EnsureEnterprise(actor);
        EnsureEditable();
        var name = Guard.Required(requirement, "Loại giấy tờ", 200, "Requirement");
        var document = new ApplicationDocument(this, name, dossierFileId, _supplements.Count, actor, utcNow);
        _documents.Add(document);
        return document;
    }

    public void WithdrawDocument(int documentId, Actor actor, DateTime utcNow)
    {
        EnsureEnterprise(actor);
        EnsureEditable();
        var document = _documents.FirstOrDefault(d => d.Id == documentId && !d.IsWithdrawn)
            ?? throw new DomainException("Không tìm thấy tệp trong hồ sơ.");
        document.Withdraw(actor, utcNow);
    }

    /// <summary>The checklist lines that have no document yet.</summary>
    public IReadOnlyList<string> MissingDocuments(IReadOnlyList<string> required) =>
        required.Where(r => !_documents.Any(d => !d.IsWithdrawn && string.Equals(d.Requirement, r, StringComparison.OrdinalIgnoreCase))).ToList();

    /// <summary>
    /// First submission: only a verified account, while the call is open (server clock), with every required document.
    /// The reference number (mã hồ sơ) is given here.
    /// </summary>
    public void Submit(Calls.CallForApplications call, IReadOnlyList<string> required, bool accountVerified, string code, Actor actor, DateTime utcNow)
    {
        var rule = ApplicationWorkflow.Resolve(ApplicationAction.Submit, Status, actor);
        if (!accountVerified)
        {
            throw new DomainException("Tài khoản của bạn chưa được Trung tâm xác minh là người của doanh nghiệp; hồ sơ được lưu nháp và nộp được sau khi xác minh.");
        }

        call.EnsureOpen(utcNow);
        if (!call.Items.Any(i => i.Id == CallItemId))
        {
            throw new DomainException("Nội dung hỗ trợ này không (còn) mở trong thông báo; hồ sơ chưa được nộp.");
        }

        EnsureComplete(required);
        Code = Guard.Required(code, "Mã hồ sơ", 30);
        SubmittedAt = utcNow;
        LastSubmittedAt = utcNow;
        Record(rule, actor, utcNow, null);
    }

    /// <summary>Answers the open supplement round: the deadline is the Support Center's, not the call's closing time.</summary>
    public void Resubmit(IReadOnlyList<string> required, string? note, Actor actor, DateTime utcNow)
    {
        var rule = ApplicationWorkflow.Resolve(ApplicationAction.Resubmit, Status, actor);
        var round = _supplements.OrderByDescending(s => s.Round).First();
        if (VnFormat.TodayInVietnam(utcNow) > round.Deadline)
        {
            throw new DomainException($"Đã quá hạn bổ sung hồ sơ ({VnFormat.Date(round.Deadline)}); vui lòng liên hệ Trung tâm để được gia hạn.");
        }

        EnsureComplete(required);
        round.Answer(Guard.Optional(note, "Ghi chú bổ sung", 2000, "Note"), utcNow);
        LastSubmittedAt = utcNow;
        Record(rule, actor, utcNow, round.AnswerNote);
    }

    private void EnsureComplete(IReadOnlyList<string> required)
    {
        var missing = MissingDocuments(required);
        if (missing.Count > 0)
        {
            throw new DomainException($"Hồ sơ còn thiếu giấy tờ bắt buộc: {string.Join("; ", missing)}. Vui lòng tải lên trước khi nộp.", "Documents");
        }
    }

    public SupplementRequest RequestSupplement(string message, DateOnly deadline, Actor actor, DateTime utcNow)
    {
        var rule = ApplicationWorkflow.Resolve(ApplicationAction.RequestSupplement, Status, actor);
        var text = Guard.Required(message, "Nội dung yêu cầu bổ sung", 2000, "Message");
        if (deadline < VnFormat.TodayInVietnam(utcNow))
        {
            throw new DomainException("Hạn bổ sung không được ở quá khứ.", "Deadline");
        }

        var round = new SupplementRequest(this, _supplements.Count + 1, text, deadline, actor, utcNow);
        _supplements.Add(round);
        Record(rule, actor, utcNow, text);
        return round;
    }

    public void Decline(string reason, Actor actor, DateTime utcNow)
    {
        var rule = ApplicationWorkflow.Resolve(ApplicationAction.Decline, Status, actor);
        DeclineReason = Guard.Required(reason, "Lý do không tiếp nhận", 2000, "Reason");
        Record(rule, actor, utcNow, DeclineReason);
    }

    /// <summary>Checks the step is allowed now (before the proposal is built), then records it once the proposal exists.</summary>
    public void EnsureAcceptable(Actor actor) => ApplicationWorkflow.Resolve(ApplicationAction.Accept, Status, actor);

    public void Accept(int proposalId, string proposalCode, Actor actor, DateTime utcNow)
    {
        var rule = ApplicationWorkflow.Resolve(ApplicationAction.Accept, Status, actor);
        ProposalId = proposalId;
        Record(rule, actor, utcNow, $"Tiếp nhận thành đề án {proposalCode}");
    }

    private void Record(ApplicationRule rule, Actor actor, DateTime utcNow, string? comment)
    {
        _events.Add(new ApplicationEvent(this, rule.Action, Status, rule.To, actor, utcNow, comment));
        Status = rule.To;
    }

    private static void EnsureEnterprise(Actor actor)
    {
        if (!actor.IsIn(Roles.Enterprise))
        {
            throw new DomainException("Chỉ tài khoản doanh nghiệp lập và sửa hồ sơ đề nghị hỗ trợ.");
        }
    }

    public void RenewConcurrencyStamp() => ConcurrencyStamp = Guid.NewGuid();
}

public sealed class CostLine
{
    private CostLine() { }

    internal CostLine(int lineNo, string description, string unit, decimal quantity, decimal unitPrice, decimal amount)
    {
        LineNo = lineNo;
        Description = description;
        Unit = unit;
        Quantity = quantity;
        UnitPrice = unitPrice;
        Amount = amount;
    }

    public int Id { get; private set; }
    public int ApplicationId { get; private set; }
    public int LineNo { get; private set; }
    public string Description { get; private set; } = "";
    public string Unit { get; private set; } = "";
    public decimal Quantity { get; private set; }
    public decimal UnitPrice { get; private set; }
    /// <summary>Thành tiền = số lượng × đơn giá, whole đồng.</summary>
    public decimal Amount { get; private set; }
}

/// <summary>A file of the application, filed against one checklist line, in the round it came with (0 = first submission).</summary>
public sealed class ApplicationDocument
{
    private ApplicationDocument() { }

    internal ApplicationDocument(GrantApplication application, string requirement, int dossierFileId, int round, Actor actor, DateTime utcNow)
    {
        Application = application;
        Requirement = requirement;
        DossierFileId = dossierFileId;
        Round = round;
        UploadedBy = actor.UserName;
        UploadedAt = utcNow;
    }

    public int Id { get; private set; }
    public int ApplicationId { get; private set; }
    public GrantApplication Application { get; private set; } = null!;
    public string Requirement { get; private set; } = "";
    public int DossierFileId { get; private set; }
    public Enterprises.DossierFile DossierFile { get; private set; } = null!;
    public int Round { get; private set; }
    public string UploadedBy { get; private set; } = "";
    public DateTime UploadedAt { get; private set; }
    public bool IsWithdrawn { get; private set; }
    public DateTime? WithdrawnAt { get; private set; }

    internal void Withdraw(Actor actor, DateTime utcNow)
    {
        _ = actor;
        IsWithdrawn = true;
        WithdrawnAt = utcNow;
    }
}

/// <summary>One round of "yêu cầu bổ sung hồ sơ": what the Support Center asked, by when, and when the enterprise answered.</summary>
public sealed class SupplementRequest
{
    private SupplementRequest() { }

    internal SupplementRequest(GrantApplication application, int round, string message, DateOnly deadline, Actor actor, DateTime utcNow)
    {
        Application = application;
        Round = round;
        Message = message;
        Deadline = deadline;
        RequestedBy = actor.UserName;
        RequestedAt = utcNow;
    }

    public int Id { get; private set; }
    public int ApplicationId { get; private set; }
    public GrantApplication Application { get; private set; } = null!;
    public int Round { get; private set; }
    public string Message { get; private set; } = "";
    public DateOnly Deadline { get; private set; }
    public string RequestedBy { get; private set; } = "";
    public DateTime RequestedAt { get; private set; }
    public DateTime? AnsweredAt { get; private set; }
    public string? AnswerNote { get; private set; }

    internal void Answer(string? note, DateTime utcNow)
    {
        AnswerNote = note;
        AnsweredAt = utcNow;
    }
}

/// <summary>One step of an application's history (who, when, from, to, comment): its timeline.</summary>
public sealed class ApplicationEvent
{
    private ApplicationEvent() { }

    internal ApplicationEvent(GrantApplication application, ApplicationAction action, ApplicationStatus? from, ApplicationStatus to, Actor actor, DateTime utcNow, string? comment)
    {
        Application = application;
        Action = action;
        FromStatus = from;
        ToStatus = to;
        UserName = actor.UserName;
        UserDisplayName = actor.DisplayName;
        At = utcNow;
        Comment = comment;
    }

    public long Id { get; private set; }
    public int ApplicationId { get; private set; }
    public GrantApplication Application { get; private set; } = null!;
    public ApplicationAction Action { get; private set; }
    public ApplicationStatus? FromStatus { get; private set; }
    public ApplicationStatus ToStatus { get; private set; }
    public string UserName { get; private set; } = "";
    public string UserDisplayName { get; private set; } = "";
    public DateTime At { get; private set; }
    public string? Comment { get; private set; }
}
