namespace Open311.Core.Requests;

/// <summary>A photo that has been checked and stripped of metadata, ready to store.</summary>
public sealed record UploadedImage(string ContentType, byte[] Content);
