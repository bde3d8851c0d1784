using System.Net;
using System.Net.Sockets;
using System.Text;
using MimeKit;

namespace NgheAn.CNHT.IntegrationTests.Support;

/// <summary>
/// A small SMTP server on 127.0.0.1 for the e-mail tests: enough of RFC 5321 for MailKit without TLS or
/// authentication. It can hold its greeting until the test opens the <see cref="Gate"/>, to show that a slow
/// mail server never holds up the request that queued the mail.
/// </summary>
public sealed class FakeSmtpServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;
    private readonly List<MimeMessage> _messages = [];
    private readonly SemaphoreSlim _received = new(0);

    public FakeSmtpServer(bool holdGreeting = false)
    {
        if (!holdGreeting)
        {
            Gate.TrySetResult();
        }

        _listener.Start();
        _accepting = AcceptAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>Opened by the test to let the server greet its clients.</summary>
    public TaskCompletionSource Gate { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public int Connections { get; private set; }

    public IReadOnlyList<MimeMessage> Messages
    {
        get
        {
            lock (_messages)
            {
                return [.. _messages];
            }
        }
    }

    /// <summary>Waits until <paramref name="count"/> messages have arrived in all.</summary>
    public async Task<IReadOnlyList<MimeMessage>> WaitForAsync(int count, TimeSpan timeout)
    {
        var until = DateTime.UtcNow + timeout;
        while (Messages.Count < count)
        {
            var left = until - DateTime.UtcNow;
            if (left <= TimeSpan.Zero || !await _received.WaitAsync(left))
            {
                throw new TimeoutException($"{Messages.Count} of {count} e-mails arrived in {timeout}.");
            }
        }

        return Messages;
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception) when (_stop.IsCancellationRequested)
            {
                return;
            }

            Connections++;
            _ = Task.Run(() => ServeAsync(client));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using var _ = client;
        var stream = client.GetStream();
        var reader = new StreamReader(stream, Encoding.Latin1);
        var writer = new StreamWriter(stream, Encoding.Latin1) { NewLine = "\r\n", AutoFlush = true };
        try
        {
            await Gate.Task.WaitAsync(_stop.Token);
            await writer.WriteLineAsync("220 localhost fake SMTP");
            while (await reader.ReadLineAsync(_stop.Token) is { } line)
            {
                var verb = line.Split(' ', 2)[0].ToUpperInvariant();
                switch (verb)
                {
                    case "EHLO":
                        await writer.WriteLineAsync("250-localhost");
                        await writer.WriteLineAsync("250 8BITMIME");
                        break;
                    case "HELO":
                    case "MAIL":
                    case "RCPT":
                    case "RSET":
                    case "NOOP":
                        await writer.WriteLineAsync("250 OK");
                        break;
                    case "DATA":
                        await writer.WriteLineAsync("354 End data with <CR><LF>.<CR><LF>");
                        var data = new StringBuilder();
                        while (await reader.ReadLineAsync(_stop.Token) is { } dataLine && dataLine != ".")
                        {
                            data.Append(dataLine.StartsWith("..", StringComparison.Ordinal) ? dataLine[1..] : dataLine).Append("\r\n");
                        }

                        using (var raw = new MemoryStream(Encoding.Latin1.GetBytes(data.ToString())))
                        {
                            var message = await MimeMessage.LoadAsync(raw);
                            lock (_messages)
                            {
                                _messages.Add(message);
                            }
                        }

                        _received.Release();
                        await writer.WriteLineAsync("250 OK queued");
                        break;
                    case "QUIT":
                        await writer.WriteLineAsync("221 Bye");
                        return;
                    default:
                        await writer.WriteLineAsync("502 Command not implemented");
                        break;
                }
            }
        }
        catch (Exception) when (_stop.IsCancellationRequested)
        {
            // Shutting down.
        }
        catch (IOException)
        {
            // The client went away.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _accepting;
        }
        catch (OperationCanceledException)
        {
        }

        _stop.Dispose();
        _received.Dispose();
    }
}
