using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace NgheAn.CNHT.Infrastructure.Startup;

/// <summary>
/// The data-protection key ring's store (the <c>DataProtectionKeys</c> table through EF Core) behind the
/// <see cref="DatabaseGate"/>: while the database is prepared in the background, a read or write from outside the
/// preparation waits until it is done, so the key ring is never read from (nor a key written to) a fresh database whose
/// migrations have not created the table yet. Once the gate is open it adds nothing but a completed-task check.
/// </summary>
public sealed class GatedXmlRepository(IXmlRepository inner, DatabaseGate gate) : IXmlRepository
{
    public IXmlRepository Inner => inner;

    public IReadOnlyCollection<XElement> GetAllElements()
    {
        gate.Wait();
        return inner.GetAllElements();
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        gate.Wait();
        inner.StoreElement(element, friendlyName);
    }
}
