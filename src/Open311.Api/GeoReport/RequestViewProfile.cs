using AutoMapper;
using Open311.Core.Requests;

namespace Open311.Api.GeoReport;

/// <summary>How a stored request becomes a <see cref="RequestView"/>; used as an EF projection (<c>ProjectTo</c>).</summary>
public sealed class RequestViewProfile : Profile
{
    public RequestViewProfile() =>
        CreateMap<ServiceRequest, RequestView>()
            .ForMember(v => v.ServiceCode, o => o.MapFrom(r => r.Service.Code))
            .ForMember(v => v.State, o => o.MapFrom(r => r.State.Code))
            .ForMember(v => v.ServiceName, o => o.MapFrom(r => r.Service.Name))
            .ForMember(v => v.ServiceNotice, o => o.MapFrom(r => r.Service.Notice))
            .ForMember(v => v.DepartmentNameEl, o => o.MapFrom(r => r.Department!.Name.El))
            .ForMember(v => v.DepartmentNameEn, o => o.MapFrom(r => r.Department!.Name.En));
}
