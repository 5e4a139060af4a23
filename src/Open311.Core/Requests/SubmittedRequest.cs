using Open311.Core.Catalog;

namespace Open311.Core.Requests;

/// <summary>
/// What intake tells the submitter: which of id and token to reveal depends on the service type; the follow code is
/// the submitter's own way to follow it (the link of <see cref="Citizens.CitizenLinks.FollowOf"/>).
/// </summary>
public sealed record SubmittedRequest(long Id, Guid? Token, string ProtocolNumber, string FollowCode, ServiceType ServiceType, LocalizedText Notice);
