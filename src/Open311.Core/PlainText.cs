using System.Xml;

namespace Open311.Core;

/// <summary>
/// Text citizens send must be representable in every format it is served in. Control characters
/// such as U+0001 or U+FFFE cannot appear in XML at all, so they are refused at intake rather
/// than breaking every later XML response that includes the request.
/// </summary>
public static class PlainText
{
    public static bool IsAllowed(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (XmlConvert.IsXmlChar(text[i]))
            {
                continue;
            }

            if (i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], text[i]))
            {
                i++;
                continue;
            }

            return false;
        }

        return true;
    }
}
