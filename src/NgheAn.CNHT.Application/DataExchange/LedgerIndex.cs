using NgheAn.CNHT.Domain.Disbursements;

namespace NgheAn.CNHT.Application.DataExchange;

/// <summary>
/// The GiaiNgan sheet as the check needs it (ADR 0201): every readable row as one compact value (48 bytes, its texts in a
/// UTF-8 arena) in one array, grouped by
/// proposal code and sorted by date then row, so that each proposal's ledger can be walked through the domain when its
/// DeAn row is checked. No row object per entry is kept (a national program's ledger is a million rows); a proposal's
/// lines are made again, for its walk only, by <see cref="Lines"/>. Each row keeps a fingerprint of its line, so the
/// save's second read of the file can prove it saves what was checked (<see cref="PlannedRowReader"/>).
/// </summary>
internal sealed class LedgerIndex
{
    /// <summary>
    /// One row, with no reference in it (the array is a block the collector need not scan): its texts are in the UTF-8
    /// <see cref="TextArena"/> (the voucher, then the original voucher), its note an index into the distinct notes.
    /// </summary>
    private struct Slot
    {
        public int Code;
        public int Row;
        public DateOnly Date;
        public int Fingerprint;
        public int Text;
        public int Note;
        public short VoucherBytes;
        public short OriginalBytes;
        public byte Source;
        public byte Kind;
        public decimal Amount;
    }

    private sealed class ByCodeDateRow : IComparer<Slot>
    {
        public static readonly ByCodeDateRow Instance = new();

        public int Compare(Slot x, Slot y) => x.Code != y.Code ? x.Code.CompareTo(y.Code) : x.Date != y.Date ? x.Date.CompareTo(y.Date) : x.Row.CompareTo(y.Row);
    }

    private readonly Dictionary<string, int> _codes = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<string> _names = [];
    private readonly Dictionary<string, int> _noteIds = new(StringComparer.Ordinal);
    private readonly List<string?> _notes = [null];
    private readonly TextArena _texts = new();
    private Slot[] _slots = new Slot[1024];
    private int _count;
    private int[] _start = [];
    private int[] _length = [];

    /// <summary>Every data row of the sheet, readable or not (the summary's count).</summary>
    public int RowCount { get; private set; }

    /// <summary>Distinct proposal codes of the readable rows.</summary>
    public int CodeCount => _names.Count;

    /// <summary>Reads the rows (the sheet is read once, forward) and groups them.</summary>
    public static LedgerIndex Read(IEnumerable<Numbered<LedgerLine>> rows)
    {
        var index = new LedgerIndex();
        foreach (var row in rows)
        {
            index.RowCount++;
            if (row.Value is { } line)
            {
                index.Add(row.Row, line, Fingerprint(row));
            }
        }

        Array.Sort(index._slots, 0, index._count, ByCodeDateRow.Instance);
        index._start = new int[index._names.Count];
        index._length = new int[index._names.Count];
        for (var i = index._count - 1; i >= 0; i--)
        {
            index._start[index._slots[i].Code] = i;
            index._length[index._slots[i].Code]++;
        }

        return index;
    }

    private void Add(int row, LedgerLine line, int fingerprint)
    {
        if (!_codes.TryGetValue(line.ProposalCode, out var code))
        {
            code = _names.Count;
            _codes[line.ProposalCode] = code;
            _names.Add(line.ProposalCode);
        }

        var note = 0;
        if (line.Note is { } text && !_noteIds.TryGetValue(text, out note))
        {
            note = _notes.Count;
            _noteIds[text] = note;
            _notes.Add(text);
        }

        if (_count == _slots.Length)
        {
            Array.Resize(ref _slots, _slots.Length * 2);
        }

        var at = _texts.Add(line.VoucherNumber, line.OriginalVoucher, out var voucherBytes, out var originalBytes);
        _slots[_count++] = new Slot
        {
            Code = code, Row = row, Date = line.EntryDate, Fingerprint = fingerprint, Text = at, Note = note, VoucherBytes = voucherBytes,
            OriginalBytes = originalBytes, Source = checked((byte)line.Source), Kind = checked((byte)line.Kind), Amount = line.Amount,
        };
    }

    /// <summary>
    /// Texts stored one after the other as UTF-8 in blocks of 1 MB, never copied (a voucher number is about 20 bytes); a
    /// position is the block's number and the offset in it, in one int (2.047 blocks are more than any sheet allowed).
    /// </summary>
    private sealed class TextArena
    {
        private const int OffsetBits = 20;
        private const int BlockBytes = 1 << OffsetBits;
        private readonly List<byte[]> _blocks = [];
        private int _used = BlockBytes;

        /// <summary>Stores <paramref name="first"/> and, right after it in the same block, <paramref name="second"/> (-1 bytes when null).</summary>
        public int Add(string first, string? second, out short firstBytes, out short secondBytes)
        {
            var utf8 = System.Text.Encoding.UTF8;
            firstBytes = checked((short)utf8.GetByteCount(first));
            secondBytes = second is null ? (short)-1 : checked((short)utf8.GetByteCount(second));
            var length = firstBytes + Math.Max(0, (int)secondBytes);
            if (_used + length > BlockBytes)
            {
                _blocks.Add(new byte[BlockBytes]);
                _used = 0;
            }

            var block = _blocks[^1];
            var at = ((_blocks.Count - 1) << OffsetBits) | _used;
            _used += utf8.GetBytes(first, block.AsSpan(_used));
            if (second is not null)
            {
                _used += utf8.GetBytes(second, block.AsSpan(_used));
            }

            return at;
        }

        public string Get(int at, int skip, int bytes) =>
            System.Text.Encoding.UTF8.GetString(_blocks[at >> OffsetBits], (at & (BlockBytes - 1)) + skip, bytes);
    }

    /// <summary>How many readable rows name <paramref name="code"/> (case-insensitive, as the check matches codes).</summary>
    public int Count(string code) => _codes.TryGetValue(code, out var c) ? _length[c] : 0;

    /// <summary>The rows of <paramref name="code"/> as lines, in date then row order; made afresh at each call.</summary>
    public List<Numbered<LedgerLine>> Lines(string code) => _codes.TryGetValue(code, out var c) ? Lines(c) : [];

    /// <summary>The fingerprints of <paramref name="code"/>'s rows, in date then row order.</summary>
    public IEnumerable<int> Fingerprints(string code)
    {
        if (!_codes.TryGetValue(code, out var c))
        {
            yield break;
        }

        for (var i = _start[c]; i < _start[c] + _length[c]; i++)
        {
            yield return _slots[i].Fingerprint;
        }
    }

    /// <summary>Each code with its lines, in the order the codes first appear in the sheet.</summary>
    public IEnumerable<(string Code, List<Numbered<LedgerLine>> Lines)> Groups()
    {
        for (var c = 0; c < _names.Count; c++)
        {
            yield return (_names[c], Lines(c));
        }
    }

    private List<Numbered<LedgerLine>> Lines(int code)
    {
        var lines = new List<Numbered<LedgerLine>>(_length[code]);
        for (var i = _start[code]; i < _start[code] + _length[code]; i++)
        {
            ref readonly var s = ref _slots[i];
            var original = s.OriginalBytes < 0 ? null : _texts.Get(s.Text, s.VoucherBytes, s.OriginalBytes);
            lines.Add(new Numbered<LedgerLine>(s.Row, new LedgerLine(_names[code], s.Date, _texts.Get(s.Text, 0, s.VoucherBytes), (FundingSource)s.Source,
                (DisbursementKind)s.Kind, s.Amount, _notes[s.Note], original)));
        }

        return lines;
    }

    /// <summary>
    /// A row's fingerprint: its row number and every value of its line (the proposal code compared without case, as rows
    /// are matched to proposals). Stable within the process, which is all the two reads of one import need.
    /// </summary>
    public static int Fingerprint(Numbered<LedgerLine> row)
    {
        var line = row.Value!;
        var hash = new HashCode();
        hash.Add(row.Row);
        hash.Add(line.ProposalCode, StringComparer.OrdinalIgnoreCase);
        hash.Add(line.EntryDate);
        hash.Add(line.VoucherNumber);
        hash.Add(line.Source);
        hash.Add(line.Kind);
        hash.Add(line.Amount);
        hash.Add(line.Note);
        hash.Add(line.OriginalVoucher);
        return hash.ToHashCode();
    }

    /// <summary>A planned proposal's fingerprint: its row, its line, and its ledger rows' fingerprints in date then row order.</summary>
    public static int Fingerprint(int row, ProposalLine line, IEnumerable<int> ledger)
    {
        var hash = new HashCode();
        hash.Add(row);
        hash.Add(line);
        foreach (var entry in ledger)
        {
            hash.Add(entry);
        }

        return hash.ToHashCode();
    }
}
