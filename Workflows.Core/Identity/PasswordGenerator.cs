using System.Security.Cryptography;

namespace Workflows.Core.Identity;

/// <summary>Random passwords an administrator can hand out; they satisfy Identity's default rules.</summary>
public static class PasswordGenerator
{
    private const string Upper = "ABCDEFGHJKLMNPQRSTUVWXYZ";
    private const string Lower = "abcdefghijkmnopqrstuvwxyz";
    private const string Digits = "23456789";
    private const string Symbols = "!#$%&*+-=?@";

    /// <summary>A password of <paramref name="length"/> characters with at least one of each kind; look-alikes (0/O, 1/l/I) are left out.</summary>
    public static string Generate(int length = 16)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(length, 8);
        string[] kinds = [Upper, Lower, Digits, Symbols];
        var all = string.Concat(kinds);
        var characters = new char[length];
        for (var i = 0; i < length; i++)
        {
            var pool = i < kinds.Length ? kinds[i] : all;
            characters[i] = pool[RandomNumberGenerator.GetInt32(pool.Length)];
        }

        RandomNumberGenerator.Shuffle(characters.AsSpan());
        return new string(characters);
    }
}
