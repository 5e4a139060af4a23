using Open311.Core.Catalog;

namespace Open311.Core.Requests;

/// <summary>What intake tells the submitter: which of id and token to reveal depends on the service type.</summary>
public sealed record SubmittedRequest(long Id, Guid? Token, string ProtocolNumber, ServiceType ServiceType, LocalizedText Notice);
