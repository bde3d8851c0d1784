namespace NgheAn.CNHT.IntegrationTests.Support;

/// <summary>Bounded polling: waits for a condition, and fails with a sentence saying what did not happen.</summary>
public static class Poll
{
    public static async Task UntilAsync(Func<Task<bool>> condition, TimeSpan timeout, string whatFailed)
    {
        var until = DateTime.UtcNow + timeout;
        while (!await condition())
        {
            if (DateTime.UtcNow >= until)
            {
                Assert.Fail($"{whatFailed} within {timeout.TotalSeconds:0} s.");
            }

            await Task.Delay(50);
        }
    }
}
