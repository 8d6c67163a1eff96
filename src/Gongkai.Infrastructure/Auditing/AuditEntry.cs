namespace Gongkai.Infrastructure.Auditing;

/// <summary>One staff action. Append-only: the database refuses updates and deletes, and so does the DbContext.</summary>
public sealed class AuditEntry
{
    public long Id { get; set; }
    public DateTimeOffset At { get; set; }
    public string? UserId { get; set; }
    public required string UserName { get; set; }
    public int? AgencyId { get; set; }
    /// <summary>A stable code such as <c>agency.create</c> (see <see cref="AuditActions"/>).</summary>
    public required string Action { get; set; }
    public string? Target { get; set; }
    public string? Details { get; set; }
    public string? IpAddress { get; set; }
}

public static class AuditActions
{
    public const string LoginSucceeded = "login.succeeded";
    public const string LoginFailed = "login.failed";
    public const string LoginLockedOut = "login.locked-out";
    public const string LoginThrottled = "login.throttled";
    public const string Logout = "logout";
    public const string PasswordChanged = "password.changed";
    public const string AgencyCreated = "agency.create";
    public const string AgencyUpdated = "agency.update";
    public const string AgencyMoved = "agency.move";
    public const string AgencyDeactivated = "agency.deactivate";
    public const string AgencyReactivated = "agency.reactivate";
    public const string UserCreated = "user.create";
    public const string UserUpdated = "user.update";
    public const string PasswordReset = "password.reset";
    public const string UserDisabled = "user.disable";
    public const string UserEnabled = "user.enable";
    public const string CalendarImported = "calendar.import";
    public const string DemoDataSeeded = "demo.seed";
    public const string RequestRegistered = "request.register";
    public const string RequestStep = "request.step";
    public const string AttachmentRead = "request.attachment";
    /// <summary>A page, file or export showed an applicant's or a writer's personal data unmasked; the details name what, never the data.</summary>
    public const string PersonalDataRead = "personal-data.read";
    public const string AppealRecorded = "appeal.save";
    public const string NoticeTemplateSaved = "notice-template.save";
    public const string LedgerImported = "ledger.import";
    public const string Article20Saved = "article20.save";
    public const string ReportSectionSaved = "report-section.save";
    public const string ReportReviewed = "report.review";
    public const string ReportApproved = "report.approve";
    public const string ReportPublished = "report.publish";
    public const string ReportReopened = "report.reopen";
    public const string ReportTablesEntered = "report.enter-tables";
    public const string PublicationSaved = "publication.save";
    public const string PublicationReviewed = "publication.review";
    public const string PublicationPublished = "publication.publish";
    public const string PublicationValidityEnded = "publication.end-validity";
    public const string ConsultationStarted = "consultation.start";
    public const string ConsultationFeedbackPublished = "consultation.feedback";
    public const string DisclosureSettingsSaved = "disclosure-settings.save";
    public const string ReminderSettingsSaved = "reminder-settings.save";
    /// <summary>The reminder job queued an agency's deadline reminders and digest; the details are counts.</summary>
    public const string RemindersQueued = "reminders.queue";
    public const string GazetteSaved = "gazette.save";
    public const string LetterChanged = "letter.step";
    public const string InteractionSettingsSaved = "interaction-settings.save";
    /// <summary>Art. 44: a document drafted for a group of requests for the same information; linked when published.</summary>
    public const string SameInformationPrepared = "same-information.prepare";
    /// <summary>Art. 44: a group of requests for the same information linked to the document published for it.</summary>
    public const string SameInformationLinked = "same-information.link";

    /// <summary>A supervising office checked published reports of agencies (not on the platform); the details are counts.</summary>
    public const string SupervisedReportsChecked = "supervised-reports.check";
    public const string SupervisedReportChanged = "supervised-report.update";
    public const string SupervisedReportDeleted = "supervised-report.delete";

    public static string DisplayName(string action) => action switch
    {
        LoginSucceeded => "登录成功",
        LoginFailed => "登录失败",
        LoginLockedOut => "账号被锁定",
        LoginThrottled => "登录尝试过于频繁",
        Logout => "退出登录",
        PasswordChanged => "修改密码",
        AgencyCreated => "新增机关",
        AgencyUpdated => "修改机关信息",
        AgencyMoved => "调整上级机关",
        AgencyDeactivated => "停用机关",
        AgencyReactivated => "启用机关",
        UserCreated => "新增账号",
        UserUpdated => "修改账号",
        PasswordReset => "重置密码",
        UserDisabled => "停用账号",
        UserEnabled => "启用账号",
        CalendarImported => "导入节假日安排",
        DemoDataSeeded => "生成演示数据",
        RequestRegistered => "登记申请",
        RequestStep => "办理申请",
        AttachmentRead => "查看申请附件",
        PersonalDataRead => "查看个人信息",
        AppealRecorded => "登记复议诉讼案件",
        NoticeTemplateSaved => "修改文书模板",
        LedgerImported => "导入历史台账",
        Article20Saved => "填写主动公开数据",
        ReportSectionSaved => "撰写年度报告",
        ReportReviewed => "年度报告提交审核",
        ReportApproved => "年度报告定稿",
        ReportPublished => "发布年度报告",
        ReportReopened => "撤回年度报告定稿以更正",
        ReportTablesEntered => "手工录入历史年度报告表格",
        PublicationSaved => "保存主动公开文件",
        PublicationReviewed => "文件通过保密审查",
        PublicationPublished => "发布主动公开文件",
        PublicationValidityEnded => "登记文件废止或失效",
        ConsultationStarted => "发布征求意见",
        ConsultationFeedbackPublished => "公布意见采纳情况",
        DisclosureSettingsSaved => "修改公开目录、索引号规则或公开指南",
        GazetteSaved => "保存政府公报",
        LetterChanged => "办理互动交流来信",
        InteractionSettingsSaved => "修改互动交流栏目设置",
        SameInformationPrepared => "为相同政府信息的申请起草主动公开文件",
        SameInformationLinked => "相同政府信息的申请关联主动公开文件",
        ReminderSettingsSaved => "修改期限提醒设置",
        RemindersQueued => "发出期限提醒和每日汇总",
        SupervisedReportsChecked => "检查并保存下级机关的年度报告",
        SupervisedReportChanged => "修改已检查报告的机关名称",
        SupervisedReportDeleted => "删除已检查的报告",
        _ => action,
    };

    public static readonly IReadOnlyList<string> All =
    [
        LoginSucceeded, LoginFailed, LoginLockedOut, LoginThrottled, Logout, PasswordChanged, AgencyCreated, AgencyUpdated, AgencyMoved,
        AgencyDeactivated, AgencyReactivated, UserCreated, UserUpdated, PasswordReset, UserDisabled, UserEnabled, CalendarImported, DemoDataSeeded, RequestRegistered, RequestStep, AttachmentRead, PersonalDataRead, AppealRecorded, NoticeTemplateSaved, LedgerImported, Article20Saved, ReportSectionSaved, ReportReviewed, ReportApproved, ReportPublished, ReportReopened, ReportTablesEntered,
        PublicationSaved, PublicationReviewed, PublicationPublished, PublicationValidityEnded, DisclosureSettingsSaved, GazetteSaved, LetterChanged, InteractionSettingsSaved,
        SameInformationPrepared, SameInformationLinked,
        ReminderSettingsSaved, RemindersQueued,
        SupervisedReportsChecked, SupervisedReportChanged, SupervisedReportDeleted,
    ];
}
