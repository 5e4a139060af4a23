namespace Open311.Core.Messaging;

/// <summary>How an SMS is encoded on the air and how many segments (billed messages) it takes.</summary>
public enum SmsEncoding
{
    /// <summary>The GSM 03.38 7-bit alphabet: 160 characters in one segment, 153 in each of several.</summary>
    Gsm7,
    /// <summary>Anything else, Greek lower case included: 70 characters in one segment, 67 in each of several.</summary>
    Ucs2,
}

public sealed record SmsLength(SmsEncoding Encoding, int Units, int Count);

/// <summary>
/// Counts segments the way phones and gateways do. The rule is the simple honest one: a text
/// wholly in the GSM 7-bit basic and extension sets (extension characters take two units) is
/// GSM-7; one character outside them (any Greek lower case letter, an ellipsis, an emoji) makes
/// the whole text UCS-2. Only the Greek capitals that differ from Latin ones (Γ Δ Θ Λ Ξ Π Σ Φ Ψ Ω)
/// are in the GSM alphabet, so ordinary Greek text is always UCS-2.
/// </summary>
public static class SmsSegments
{
    private const string Basic = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    private const string Extension = "\f^{}\\[~]|€";

    public static SmsLength Measure(string text)
    {
        var gsmUnits = 0;
        foreach (var c in text)
        {
            if (Basic.Contains(c))
            {
                gsmUnits++;
            }
            else if (Extension.Contains(c))
            {
                gsmUnits += 2;
            }
            else
            {
                // UTF-16 code units, as UCS-2 on the air counts them: a character outside the BMP takes two.
                return new SmsLength(SmsEncoding.Ucs2, text.Length, Count(text.Length, single: 70, split: 67));
            }
        }

        return new SmsLength(SmsEncoding.Gsm7, gsmUnits, Count(gsmUnits, single: 160, split: 153));
    }

    private static int Count(int units, int single, int split) => units <= single ? 1 : (units + split - 1) / split;
}
