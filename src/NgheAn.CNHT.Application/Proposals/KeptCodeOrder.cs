using System.Text;

namespace NgheAn.CNHT.Application.Proposals;

/// <summary>
/// Every proposal's code in the register's code order (ADR 0244), kept per process: each code's UTF-8 bytes, the order
/// SQLite's <c>ORDER BY "Code"</c> gives (the BINARY collation compares those bytes). A search's page in code order is its
/// kept matches picked out of this order, so after a write to a proposal the page is no sort of a broad word's thousands
/// of matches (a broad word's 12.509 at national size: 4-8 ms of SQL on every first request after a write).
/// </summary>
public sealed class KeptCodeOrder : KeptTextOrder
{
    protected override byte[] KeyOf(string value) => Encoding.UTF8.GetBytes(value);
}
