namespace Gongkai.Core.Requests;

/// <summary>分办: the request given to a handler, and given to another with the reason why.</summary>
public sealed partial class InformationRequest
{
    /// <summary>The handler the request is assigned to; null until it is.</summary>
    public Actor? Handler { get; private set; }

    /// <summary>
    /// Gives the request to <paramref name="handler"/>. A request already with a handler goes to another only with
    /// the reason (改派), which the history keeps; a closed request is not assigned.
    /// </summary>
    public void Assign(Step step, Actor handler, string? reason)
    {
        CheckDate(step);
        if (Status is RequestStatus.Decided or RequestStatus.Archived or RequestStatus.Cancelled)
        {
            throw new RequestRuleException("申请已办结，不再分办。");
        }

        if (Handler is { } current && current.UserName == handler.UserName)
        {
            throw new RequestRuleException($"该申请已由{current.DisplayName}承办。");
        }

        if (Handler is not null && !Reasons.IsStated(reason))
        {
            throw new RequestRuleException("改派给其他承办人时，请写明改派理由。");
        }

        Apply(new HandlerAssigned { On = step.On, By = step.By, Note = step.Note, Handler = handler, Reason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim() });
    }
}
