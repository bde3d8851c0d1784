using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Microsoft.AspNetCore.Identity;
using NgheAn.CNHT.Domain.Auditing;
using NgheAn.CNHT.Domain.Common;
using NgheAn.CNHT.Infrastructure.Identity;
using NgheAn.CNHT.Infrastructure.Persistence;

namespace NgheAn.CNHT.Web.Security;

public enum SignInGateOutcome
{
    /// <summary>Wrong password, unknown e-mail, or a disabled or locked account with a wrong password: one answer for all.</summary>
    Refused,
    /// <summary>The right password of a disabled account.</summary>
    Disabled,
    /// <summary>The right password of a locked account.</summary>
    LockedOut,
    /// <summary>The right password of an active, unlocked account: go on with the normal sign-in (and second factor).</summary>
    Proceed,
}

public sealed record SignInGateResult(SignInGateOutcome Outcome, AppUser? User = null, DateTimeOffset? LockedUntil = null);

/// <summary>
/// The password check of the sign-in page, built so an outsider learns nothing (ADR 0110):
/// <list type="bullet">
/// <item>every failure costs one password hash — an unknown e-mail is checked against a dummy hash, a disabled or
/// locked account against its own — so the four failures take about the same time and give the same answer;</item>
/// <item>the specific reason (disabled, locked) is told only after the right password, and written to the audit log;</item>
/// <item>lockout is progressive (<see cref="LockoutRule"/>): five free failures, then 1, 2, 4, 8 and at most 15 minutes;
/// guesses made while the account is locked are refused without being counted, so they never extend the lock.</item>
/// </list>
/// </summary>
public sealed class SignInGate(UserManager<AppUser> users, IPasswordHasher<AppUser> hasher, SignInDummyHash dummyHash, AppDbContext db, TimeProvider clock, ILogger<SignInGate> logger)
{
    public const string GenericFailure = "Thư điện tử hoặc mật khẩu không đúng.";
    public const string AuditAction = "SignInRefused";

    internal static readonly AppUser Nobody = new() { Id = "nobody", UserName = "nobody" };

    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    public async Task<SignInGateResult> CheckAsync(string email, string password, CancellationToken ct = default)
    {
        var user = await users.FindByEmailAsync(email);
        if (user?.PasswordHash is null)
        {
            // The same work as for a real account, so the answer's timing says nothing about the address.
            hasher.VerifyHashedPassword(Nobody, dummyHash.For(hasher), password);
            return new SignInGateResult(SignInGateOutcome.Refused);
        }

        var now = clock.GetUtcNow();
        var passwordOk = hasher.VerifyHashedPassword(user, user.PasswordHash, password) != PasswordVerificationResult.Failed;
        var locked = user.LockoutEnabled && user.LockoutEnd > now;
        if (!passwordOk)
        {
            if (!locked && user.IsActive)
            {
                await CountFailureAsync(user, now);
            }

            return new SignInGateResult(SignInGateOutcome.Refused);
        }

        if (!user.IsActive)
        {
            await AuditAsync(user, "Đúng mật khẩu nhưng tài khoản đã bị vô hiệu hóa", ct);
            return new SignInGateResult(SignInGateOutcome.Disabled, user);
        }

        if (locked)
        {
            await AuditAsync(user, $"Đúng mật khẩu nhưng tài khoản đang tạm khóa đến {VnFormat.DateTime(user.LockoutEnd!.Value.UtcDateTime)}", ct);
            return new SignInGateResult(SignInGateOutcome.LockedOut, user, user.LockoutEnd);
        }

        if (user.AccessFailedCount > 0)
        {
            await users.ResetAccessFailedCountAsync(user);
        }

        return new SignInGateResult(SignInGateOutcome.Proceed, user);
    }

    private async Task CountFailureAsync(AppUser user, DateTimeOffset now)
    {
        var failures = user.AccessFailedCount + 1;
        user.AccessFailedCount = failures;
        if (user.LockoutEnabled && LockoutRule.LockFor(failures) is { } duration)
        {
            user.LockoutEnd = now + duration;
            logger.LogWarning("Account {UserId} locked for {Minutes} minutes after {Failures} failed sign-ins", user.Id, duration.TotalMinutes, failures);
        }

        await users.UpdateAsync(user);
    }

    private async Task AuditAsync(AppUser user, string reason, CancellationToken ct)
    {
        logger.LogWarning("Sign-in refused for account {UserId}: {Reason}", user.Id, reason);
        var changes = new Dictionary<string, string?[]> { ["Reason"] = [null, reason] };
        db.AuditEntries.Add(new AuditEntry(clock.GetUtcNow().UtcDateTime, user.Email ?? user.Id, nameof(AppUser), user.Id, AuditAction, JsonSerializer.Serialize(changes, Json)));
        await db.SaveChangesAsync(ct);
    }
}

/// <summary>Progressive account lockout: the numbers of ADR 0110.</summary>
public static class LockoutRule
{
    /// <summary>Consecutive failed sign-ins that cost nothing.</summary>
    public const int FreeFailures = 4;

    /// <summary>The longest lock.</summary>
    public static readonly TimeSpan MaxLock = TimeSpan.FromMinutes(15);

    /// <summary>The lock after the n-th consecutive failure: none up to 4, then 1, 2, 4, 8, 15, 15… minutes.</summary>
    public static TimeSpan? LockFor(int failures)
    {
        if (failures <= FreeFailures)
        {
            return null;
        }

        var minutes = Math.Pow(2, Math.Min(failures - FreeFailures - 1, 10));
        return TimeSpan.FromMinutes(Math.Min(minutes, MaxLock.TotalMinutes));
    }
}

/// <summary>
/// The hash an unknown e-mail's password is checked against (<see cref="SignInGate"/>), made once per portal with that
/// portal's hasher and its settings (a singleton): a hash made elsewhere, with another work factor, would make the
/// unknown address's answer faster or slower than a real account's. Two first requests at once may both make one;
/// either serves.
/// </summary>
public sealed class SignInDummyHash
{
    private string? _hash;

    public string For(IPasswordHasher<AppUser> hasher) =>
        _hash ??= hasher.HashPassword(SignInGate.Nobody, "Không-phải-mật-khẩu@" + Guid.NewGuid());
}
