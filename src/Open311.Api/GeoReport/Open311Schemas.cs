using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Open311.Api.GeoReport;

/// <summary>
/// The JSON shapes of the GeoReport documents, for the OpenAPI description. The XML form has the
/// same fields inside the root element named in each description.
/// </summary>
public static class Open311Schemas
{
    private static OpenApiSchema Text(string description) => new() { Type = JsonSchemaType.String | JsonSchemaType.Null, Description = description };

    private static OpenApiSchema Number(string description) => new() { Type = JsonSchemaType.Number | JsonSchemaType.Null, Description = description };

    private static OpenApiSchema Flag(string description) => new() { Type = JsonSchemaType.Boolean, Description = description };

    private static OpenApiSchema Object(string description, params (string Name, IOpenApiSchema Schema)[] properties) => new()
    {
        Type = JsonSchemaType.Object,
        Description = description,
        Properties = properties.ToDictionary(p => p.Name, p => p.Schema),
        // A generated client may then rely on these fields being all there is.
        AdditionalPropertiesAllowed = false,
    };

    private static OpenApiSchema ArrayOf(IOpenApiSchema items, string description) =>
        new() { Type = JsonSchemaType.Array, Items = items, Description = description };

    public static readonly OpenApiSchema Error = Object("One Open311 error. XML: <errors><error>…</error></errors>.",
        ("code", new OpenApiSchema { Type = JsonSchemaType.Integer, Description = "The HTTP status: 400, 403 or 404." }),
        ("description", Text("What is wrong, in words a developer can act on.")));

    private static readonly OpenApiSchema Endpoint = Object("One endpoint.",
        ("specification", Text("http://wiki.open311.org/GeoReport_v2, or http://wiki.open311.org/GeoReport_v2/Servicerequestupdates for the same base's request updates.")),
        ("url", Text("The API base, without a trailing slash.")),
        ("changeset", Text("When this endpoint last changed (ISO 8601).")),
        ("type", Text("production or test.")),
        ("formats", ArrayOf(Text("A MIME type."), "text/xml and application/json.")));

    private static readonly OpenApiSchema Discovery = Object("XML root <discovery>.",
        ("changeset", Text("ISO 8601 with offset.")),
        ("contact", Text("How to reach the municipality.")),
        ("key_service", Text("Where to ask for an API key.")),
        ("endpoints", ArrayOf(Endpoint, "XML <endpoints><endpoint>.")));

    private static readonly OpenApiSchema Service = Object("XML <services><service>.",
        ("service_code", Text("Always a string.")),
        ("service_name", Text("In the asked language.")),
        ("description", Text("In the asked language.")),
        ("metadata", Flag("True when the service has attributes (see GET services/{code}).")),
        ("type", Text("realtime (POST returns an id), batch (a token), blackbox (neither).")),
        ("keywords", Text("Comma-separated.")),
        ("group", Text("The category's group, in the asked language.")));

    private static readonly OpenApiSchema AttributeValue = Object("XML <values><value>.", ("key", Text("What to submit.")), ("name", Text("What to show.")));

    private static readonly OpenApiSchema Attribute = Object("XML <attributes><attribute>.",
        ("variable", Flag("False for an informational attribute that takes no answer.")),
        ("code", Text("Submit answers as attribute[code].")),
        ("datatype", Text("string, number, datetime, text, singlevaluelist or multivaluelist.")),
        ("required", Flag("Whether an answer is required.")),
        ("datatype_description", Text("How to fill it in.")),
        ("order", new OpenApiSchema { Type = JsonSchemaType.Integer, Description = "Position in the form, unique and positive." }),
        ("description", Text("The question.")),
        ("values", ArrayOf(AttributeValue, "The allowed answers of a list attribute.")));

    private static readonly OpenApiSchema ServiceDefinition = Object("XML root <service_definition>.",
        ("service_code", Text("The service.")),
        ("attributes", ArrayOf(Attribute, "In form order.")));

    private static readonly OpenApiSchema Receipt = Object("XML <service_requests><request>. Exactly one of service_request_id (realtime) and token (batch), or neither (blackbox).",
        ("service_request_id", Text("The new request's id.")),
        ("token", Text("Resolve it with GET tokens/{token}.")),
        ("service_notice", Text("What to expect, e.g. the usual response time.")),
        ("account_id", Text("As submitted.")),
        ("protocol_number", Text("Extension, with extensions=true: the municipality's number for it, e.g. 2026/004217.")),
        ("follow_url", Text("Extension, with extensions=true: the submitter's own link to the request's public page (it carries the follow code: show it to them, never publish it).")));

    private static readonly OpenApiSchema Note = Object("XML <notes><note>.",
        ("datetime", Text("ISO 8601 with offset.")),
        ("type", Text("opened, status_changed or note.")),
        ("summary", Text("What happened, as told to the public.")));

    private static readonly OpenApiSchema Request = Object(
        "XML <service_requests><request>. Never contains the requester's name, e-mail, phone, device or account. The last three properties come only with extensions=true.",
        ("service_request_id", Text("Always a string.")),
        ("status", Text("open or closed.")),
        ("status_notes", Text("The latest public note.")),
        ("service_name", Text("In the asked language.")),
        ("service_code", Text("The service.")),
        ("description", Text("As submitted.")),
        ("agency_responsible", Text("The department handling it.")),
        ("service_notice", Text("What to expect.")),
        ("requested_datetime", Text("ISO 8601 in the jurisdiction's zone.")),
        ("updated_datetime", Text("ISO 8601 in the jurisdiction's zone.")),
        ("expected_datetime", Text("When the municipality expects to be done: the time staff set, else the service level's resolution due time on the working calendar (empty while the request waits for the citizen or a contractor).")),
        ("address", Text("address_string as submitted.")),
        ("address_id", Text("As submitted.")),
        ("zipcode", Text("As submitted.")),
        ("lat", Number("WGS84.")),
        ("long", Number("WGS84.")),
        ("media_url", Text("The uploaded photo (GET media/{id}) or the media_url submitted.")),
        ("extended_attributes", Object("Extension.", ("channel", Text("open311, phone, counter or email.")),
            ("detailed_status", Text("The workflow state, e.g. received, acknowledged, in_progress, resolved.")),
            ("department", Text("The department handling it, in the asked language.")),
            ("protocol_number", Text("The municipality's number for it, e.g. 2026/004217.")), ("duplicate_of", Text("The original, if this is a duplicate.")),
            ("possible_duplicate_of", Text("Open requests found near it at intake that staff have not yet confirmed or rejected as its original: comma-separated service_request_ids, nearest first; null when none.")))),
        ("attributes", ArrayOf(Object("One answer.", ("code", Text("Attribute code.")), ("value", Text("One value; a multivaluelist gives one entry per value."))), "Extension: the submitted answers.")),
        ("notes", ArrayOf(Note, "Extension: the public history, oldest first.")));

    private static readonly OpenApiSchema TokenLookup = Object("XML <service_requests><request>.",
        ("service_request_id", Text("The request the token stands for.")), ("token", Text("As asked.")));

    private static readonly OpenApiSchema Update = Object(
        "XML <service_request_updates><request_update>. A public history event of a public request; never the requester's or a citizen's contact data, nor staff's internal notes.",
        ("update_id", Text("The event's id: unique, and the same on every call.")),
        ("service_request_id", Text("The request it is about.")),
        ("status", Text("open or closed: the request's status after the event.")),
        ("updated_datetime", Text("When it happened, ISO 8601 in the jurisdiction's zone.")),
        ("description", Text("The public note, as written; null when the event has none.")),
        ("media_url", Text("The photo the event carries, if any.")),
        ("external_status_code", Text("The workflow state after the event, e.g. acknowledged, in_progress, resolved.")));

    private static readonly OpenApiSchema UpdateReceipt = Object("XML <service_request_updates><request_update>. A repeated update_id gets the first answer again.",
        ("update_id", Text("This server's id for the update (a history event).")),
        ("status", Text("Extension: open or closed, the request's status after the update.")),
        ("status_changed", Flag("Extension: true when the update reopened the request; false when its status stayed as it was.")));

    private static readonly OpenApiSchema Following = Object("XML <service_requests><request>. Extension: the request the citizen now follows.",
        ("service_request_id", Text("The request followed.")), ("following", Flag("Always true: the citizen is told of its progress as asked.")));

    /// <summary>The 200 body of each kind of GeoReport document.</summary>
    public static IOpenApiSchema For(WireResponse response, SchemaRepository repository) => response switch
    {
        WireResponse.Discovery => Reference(repository, "Discovery", Discovery),
        WireResponse.Services => ArrayOf(Reference(repository, "Service", Service), "XML root <services>."),
        WireResponse.ServiceDefinition => Reference(repository, "ServiceDefinition", ServiceDefinition),
        WireResponse.Receipt => ArrayOf(Reference(repository, "SubmissionReceipt", Receipt), "XML root <service_requests>; one element."),
        WireResponse.Token => ArrayOf(Reference(repository, "TokenLookup", TokenLookup), "XML root <service_requests>; one element."),
        WireResponse.Updates => ArrayOf(Reference(repository, "RequestUpdate", Update), "XML root <service_request_updates>, oldest first."),
        WireResponse.UpdateReceipt => ArrayOf(Reference(repository, "RequestUpdateReceipt", UpdateReceipt), "XML root <service_request_updates>; one element."),
        WireResponse.Following => ArrayOf(Reference(repository, "Following", Following), "XML root <service_requests>; one element."),
        _ => ArrayOf(Reference(repository, "ServiceRequest", Request), "XML root <service_requests>."),
    };

    public static IOpenApiSchema Errors(SchemaRepository repository) =>
        ArrayOf(Reference(repository, "Open311Error", Error), "XML root <errors>; always an array, even with one error.");

    private static IOpenApiSchema Reference(SchemaRepository repository, string id, OpenApiSchema schema) =>
        repository.Schemas.ContainsKey(id) ? new OpenApiSchemaReference(id) : repository.AddDefinition(id, schema);
}
