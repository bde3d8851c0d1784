using Microsoft.EntityFrameworkCore;
using NgheAn.CNHT.Application.Common;
using NgheAn.CNHT.Domain.Issuing;

namespace NgheAn.CNHT.Application.Issuing;

/// <summary>
/// The register of outgoing documents (sổ đăng ký văn bản đi): the next number per year and document type.
/// <see cref="TakeNextAsync"/> must run inside the caller's transaction, before anything else that writes: its
/// UPDATE holds the counter's row (SQL Server) or the database's write lock (SQLite) until the document is saved,
/// so a second issue waits and gets the next number, and a failed issue rolls the number back (ADR 0131).
/// </summary>
public sealed class OutgoingRegister(IAppDbContext db)
{
    /// <summary>Creates the year's counter if it does not exist yet (outside the issuing transaction; a concurrent creation is harmless).</summary>
    public async Task EnsureCounterAsync(int year, string documentType, CancellationToken ct)
    {
        if (await db.OutgoingNumberCounters.AnyAsync(c => c.Year == year && c.DocumentType == documentType, ct))
        {
            return;
        }

        var counter = new OutgoingNumberCounter(year, documentType);
        db.OutgoingNumberCounters.Add(counter);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another issue created the same counter a moment ago.
        }
        finally
        {
            db.Entry(counter).State = EntityState.Detached;
        }
    }

    public async Task<RegisterNumber> TakeNextAsync(int year, string documentType, CancellationToken ct)
    {
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("The register gives numbers only inside the issuing transaction.");
        }

        var updated = await db.OutgoingNumberCounters.Where(c => c.Year == year && c.DocumentType == documentType)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.LastNumber, c => c.LastNumber + 1), ct);
        if (updated != 1)
        {
            throw new InvalidOperationException($"No register counter for {documentType} {year}.");
        }

        var number = await db.OutgoingNumberCounters.AsNoTracking().Where(c => c.Year == year && c.DocumentType == documentType)
            .Select(c => c.LastNumber).SingleAsync(ct);
        return new RegisterNumber(documentType, year, number);
    }
}
