using AutoMapper;
using Open311.Core.Requests;

namespace Open311.Api.Admin;

/// <summary>How a stored request becomes a <see cref="StaffRequestSummary"/>; used as an EF projection.</summary>
public sealed class StaffRequestProfile : Profile
{
    public StaffRequestProfile() =>
        CreateMap<ServiceRequest, StaffRequestSummary>()
            .ForMember(v => v.ServiceCode, o => o.MapFrom(r => r.Service.Code))
            .ForMember(v => v.ServiceName, o => o.MapFrom(r => r.Service.Name.El))
            .ForMember(v => v.State, o => o.MapFrom(r => r.State.Code));
}
