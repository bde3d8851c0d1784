using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;

namespace NgheAn.CNHT.IntegrationTests.Support;

/// <summary>A client of the in-memory server whose requests come from a given client address (as after the proxy's forwarded headers).</summary>
public static class AddressedClient
{
    public static HttpClient ClientFrom(this WebApplicationFactory<Program> portal, IPAddress address) =>
        new(new LoopbackCookieHandler(portal.Server.CreateHandler(c => c.Connection.RemoteIpAddress = address)))
        {
            BaseAddress = new Uri("https://localhost"),
        };
}
