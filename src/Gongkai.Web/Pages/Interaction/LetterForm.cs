using Gongkai.Core.Interaction;
using Gongkai.Infrastructure.Interaction;

namespace Gongkai.Web.Pages.Interaction;

/// <summary>
/// A letter's fields as a form posts them, shared by the public form and the office's entry form. The fields are
/// posted without a prefix (<c>Subject</c>, not <c>Form.Subject</c>); model binding falls back to the empty prefix.
/// </summary>
public sealed class LetterForm
{
    public string? Subject { get; set; }
    public string? Body { get; set; }
    public string? WriterName { get; set; }
    public string? Phone { get; set; }
    public string? Email { get; set; }
    public string? Address { get; set; }
    public bool AgreesToPublish { get; set; }

    /// <summary>Before a refused form is shown again: no field longer than it may be (<see cref="Gongkai.Web.Requests.FormEcho"/>).</summary>
    public void CapForRedisplay()
    {
        Subject = Gongkai.Web.Requests.FormEcho.Cap(Subject, Letter.SubjectMax);
        Body = Gongkai.Web.Requests.FormEcho.Cap(Body, Letter.BodyMax);
        WriterName = Gongkai.Web.Requests.FormEcho.Cap(WriterName, 100);
        Phone = Gongkai.Web.Requests.FormEcho.Cap(Phone, 50);
        Email = Gongkai.Web.Requests.FormEcho.Cap(Email, 100);
        Address = Gongkai.Web.Requests.FormEcho.Cap(Address, 200);
    }

    public LetterInput ToInput(InteractionChannel channel) => new(channel, Subject, Body, WriterName, Phone, Email, Address, AgreesToPublish);
}
