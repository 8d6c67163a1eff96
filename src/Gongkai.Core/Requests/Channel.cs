namespace Gongkai.Core.Requests;

/// <summary>How a request reached the office. The channel decides the day of receipt (Art. 31).</summary>
public enum Channel
{
    /// <summary>当面提交: received the day it is handed in.</summary>
    InPerson,
    /// <summary>挂号信、EMS 等需签收的邮件: received the day the office signs for it.</summary>
    RegisteredMail,
    /// <summary>平信: the office confirms with the applicant the day it arrives; received on the day of confirmation.</summary>
    OrdinaryMail,
    /// <summary>互联网（本平台在线申请）: received the day both sides confirm.</summary>
    Online,
    /// <summary>电子邮件: a data message over the internet, so as online.</summary>
    Email,
    /// <summary>传真: received the day both sides confirm.</summary>
    Fax,
}

public static class Channels
{
    public static string DisplayName(this Channel channel) => channel switch
    {
        Channel.InPerson => "当面提交",
        Channel.RegisteredMail => "邮寄（需签收）",
        Channel.OrdinaryMail => "平信",
        Channel.Online => "互联网",
        Channel.Email => "电子邮件",
        Channel.Fax => "传真",
    };

    /// <summary>Whether the day of receipt is only known once the office confirms with the applicant (Art. 31 (二)(三)).</summary>
    public static bool NeedsConfirmation(this Channel channel) => channel switch
    {
        Channel.InPerson or Channel.RegisteredMail => false,
        Channel.OrdinaryMail or Channel.Online or Channel.Email or Channel.Fax => true,
    };

    /// <summary>How Art. 31 fixes the day of receipt for this channel, as the clock explanation says it.</summary>
    public static string ReceiptRule(this Channel channel) => channel switch
    {
        Channel.InPerson => "当面提交，以提交之日为收到申请之日（《条例》第三十一条第（一）项）",
        Channel.RegisteredMail => "邮寄提交，以签收之日为收到申请之日（《条例》第三十一条第（二）项）",
        Channel.OrdinaryMail => "平信提交，以与申请人确认之日为收到申请之日（《条例》第三十一条第（二）项）",
        Channel.Online or Channel.Email => "通过互联网渠道提交，以双方确认之日为收到申请之日（《条例》第三十一条第（三）项）",
        Channel.Fax => "通过传真提交，以双方确认之日为收到申请之日（《条例》第三十一条第（三）项）",
    };
}
