using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using NgheAn.CNHT.Application.Applications;
using NgheAn.CNHT.Domain.Applications;
using NgheAn.CNHT.Domain.Common;
using NgheAn.CNHT.Web.Services;

namespace NgheAn.CNHT.Web.Pages.Applications;

/// <summary>The application form as typed: amounts the Vietnamese way (1.250.000), quantities with a decimal comma.</summary>
public sealed class ApplicationForm
{
    public const int BlankLines = 3;

    [Display(Name = "Nội dung hỗ trợ")]
    public int CallItemId { get; set; }

    [Required(ErrorMessage = "Vui lòng nhập tên đề án.")]
    [StringLength(500, ErrorMessage = "Tên đề án dài tối đa 500 ký tự.")]
    [Display(Name = "Tên đề án")]
    public string Title { get; set; } = "";

    [StringLength(4000, ErrorMessage = "Mục tiêu dài tối đa 4000 ký tự.")]
    [Display(Name = "Mục tiêu")]
    public string? Objectives { get; set; }

    [StringLength(4000, ErrorMessage = "Sản phẩm dự kiến dài tối đa 4000 ký tự.")]
    [Display(Name = "Sản phẩm, kết quả dự kiến")]
    public string? ExpectedOutputs { get; set; }

    [Range(2000, 2100, ErrorMessage = "Năm bắt đầu không hợp lệ.")]
    [Display(Name = "Năm bắt đầu")]
    public int StartYear { get; set; }

    [Range(2000, 2100, ErrorMessage = "Năm kết thúc không hợp lệ.")]
    [Display(Name = "Năm kết thúc")]
    public int EndYear { get; set; }

    [Display(Name = "Kinh phí đề nghị hỗ trợ (đồng)")]
    public string? RequestedSupport { get; set; }

    [Display(Name = "Vốn đối ứng của doanh nghiệp (đồng)")]
    public string? Counterpart { get; set; }

    public List<LineForm> Lines { get; set; } = [];

    /// <summary>Expected outputs, one row per output indicator of the item (ADR 0178).</summary>
    public List<OutputForm> Outputs { get; set; } = [];

    // The item's output indicators (labels and units of the rows): a field, not a property, so nothing binds it.
    private IReadOnlyList<ItemIndicatorChoice> _indicators = [];

    /// <summary>The indicator of a row (its label and unit), or null when the item has no such indicator.</summary>
    public ItemIndicatorChoice? IndicatorOf(int id) => _indicators.FirstOrDefault(x => x.Id == id);

    public sealed class OutputForm
    {
        [Display(Name = "Chỉ tiêu đầu ra")]
        public int IndicatorId { get; set; }

        [Display(Name = "Số lượng dự kiến")]
        public string? Quantity { get; set; }
    }

    /// <summary>Gives every indicator of the item a row (after the rows already typed, whose order the errors follow).</summary>
    public void OfferIndicators(IReadOnlyList<ItemIndicatorChoice> indicators)
    {
        _indicators = indicators;
        foreach (var indicator in indicators.Where(i => !Outputs.Any(o => o.IndicatorId == i.Id)))
        {
            Outputs.Add(new OutputForm { IndicatorId = indicator.Id });
        }
    }

    /// <summary>The form's field names a domain rule may name (the fixed fields, then one per expected-output row).</summary>
    public IReadOnlySet<string> FieldNames(IEnumerable<string> fixedFields) =>
        fixedFields.Append("Outputs").Concat(Outputs.Select((_, i) => $"Outputs[{i}].Quantity")).ToHashSet();

    public sealed class LineForm
    {
        [Display(Name = "Nội dung chi")]
        public string? Description { get; set; }

        [Display(Name = "Đơn vị tính")]
        public string? Unit { get; set; }

        [Display(Name = "Số lượng")]
        public string? Quantity { get; set; }

        [Display(Name = "Đơn giá (đồng)")]
        public string? UnitPrice { get; set; }

        public bool IsBlank => string.IsNullOrWhiteSpace(Description) && string.IsNullOrWhiteSpace(Unit) && string.IsNullOrWhiteSpace(Quantity) && string.IsNullOrWhiteSpace(UnitPrice);
    }

    public void PadLines()
    {
        while (Lines.Count(l => l.IsBlank) < BlankLines && Lines.Count < GrantApplication.MaxLines)
        {
            Lines.Add(new LineForm());
        }
    }

    /// <summary>Reads the typed numbers; each problem goes next to its field; null when any could not be read.</summary>
    public ApplicationInput? Read(ModelStateDictionary state, string prefix)
    {
        var ok = state.TryReadAmount($"{prefix}.RequestedSupport", RequestedSupport, "Kinh phí đề nghị hỗ trợ", out var support);
        ok &= state.TryReadAmount($"{prefix}.Counterpart", Counterpart, "Vốn đối ứng", out var counterpart);
        var lines = new List<CostLineInput>();
        for (var i = 0; i < Lines.Count; i++)
        {
            var line = Lines[i];
            if (line.IsBlank)
            {
                continue;
            }

            var key = $"{prefix}.Lines[{i}]";
            decimal quantity = 0;
            if (string.IsNullOrWhiteSpace(line.Quantity)
                || !decimal.TryParse(line.Quantity.Trim(), NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, VnFormat.Culture, out quantity))
            {
                state.AddModelError($"{key}.Quantity", $"Dòng {i + 1}: số lượng phải là số (ví dụ 2 hoặc 1,5).");
                ok = false;
            }
            else if (quantity <= 0)
            {
                state.AddModelError($"{key}.Quantity", $"Dòng {i + 1}: số lượng phải lớn hơn 0.");
                ok = false;
            }

            if (!state.TryReadAmount($"{key}.UnitPrice", line.UnitPrice, $"Dòng {i + 1}: đơn giá", out var price))
            {
                ok = false;
            }

            lines.Add(new CostLineInput(line.Description, line.Unit, quantity, price));
        }

        var outputs = new List<ExpectedOutputInput>();
        for (var i = 0; i < Outputs.Count; i++)
        {
            var row = Outputs[i];
            if (string.IsNullOrWhiteSpace(row.Quantity))
            {
                outputs.Add(new ExpectedOutputInput(row.IndicatorId, null));
                continue;
            }

            if (!decimal.TryParse(row.Quantity.Trim(), NumberStyles.AllowThousands | NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, VnFormat.Culture, out var quantity))
            {
                var label = IndicatorOf(row.IndicatorId)?.Label ?? $"dòng {i + 1}";
                state.AddModelError($"{prefix}.Outputs[{i}].Quantity", $"Kết quả dự kiến «{label}»: số lượng phải là số nguyên (ví dụ 12).");
                ok = false;
                continue;
            }

            outputs.Add(new ExpectedOutputInput(row.IndicatorId, quantity));
        }

        return ok ? new ApplicationInput(CallItemId, Title, Objectives, ExpectedOutputs, StartYear, EndYear, support, counterpart, lines, outputs) : null;
    }

    public static ApplicationForm From(ApplicationView view, IReadOnlyList<ItemIndicatorChoice> indicators)
    {
        var form = new ApplicationForm
        {
            CallItemId = view.CallItemId, Title = view.Title, Objectives = view.Objectives, ExpectedOutputs = view.ExpectedOutputs,
            StartYear = view.StartYear, EndYear = view.EndYear, RequestedSupport = VnFormat.Dong(view.RequestedSupport), Counterpart = VnFormat.Dong(view.Counterpart),
            Lines = view.Lines.Select(l => new LineForm
            {
                Description = l.Description, Unit = l.Unit, Quantity = l.Quantity.ToString("0.##", VnFormat.Culture), UnitPrice = VnFormat.Dong(l.UnitPrice),
            }).ToList(),
        };
        form.Outputs = indicators.Select(i => new OutputForm
        {
            IndicatorId = i.Id,
            Quantity = view.Outputs.FirstOrDefault(o => o.IndicatorId == i.Id)?.Expected.ToString("#,##0", VnFormat.Culture),
        }).ToList();
        form.OfferIndicators(indicators);
        form.PadLines();
        return form;
    }
}
