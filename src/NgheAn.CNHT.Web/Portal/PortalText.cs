namespace NgheAn.CNHT.Web.Portal;

/// <summary>
/// The marker of the public portal's resource file (Resources/Portal/PortalText.en.resx). Keys are the Vietnamese
/// text itself: Vietnamese is the neutral language, English the translation (ADR 0180).
/// </summary>
public sealed class PortalText;
