using System.Reflection;
using System.Security.Claims;
using Gongkai.Infrastructure.Identity;
using Microsoft.AspNetCore.Authorization;

namespace Gongkai.Web.Security;

/// <summary>Where an operation's agency check looks.</summary>
public enum OperationScope
{
    /// <summary>The record's agency must be in the staff member's subtree.</summary>
    Agency,
    /// <summary>A deployment-wide setting: only a staff member at the top of the tree (or with no agency).</summary>
    Deployment,
}

/// <summary>
/// One thing a staff member may do with one feature's records, and the roles that may do it. Asked through
/// <see cref="StaffAuthorization"/> with the record's agency, <see cref="StaffOperationHandler"/> adds the agency
/// subtree: together the whole decision. <see cref="RoleAllows"/> is the role half alone, for showing a button.
/// </summary>
public sealed class StaffOperation : IAuthorizationRequirement
{
    internal StaffOperation(string feature, string name, string description, IReadOnlyList<string> roles, OperationScope scope = OperationScope.Agency)
    {
        Feature = feature;
        Name = name;
        Description = description;
        Roles = roles;
        Scope = scope;
    }

    public string Feature { get; }
    public string Name { get; }
    /// <summary>What the operation is, in Chinese, for the permission table in docs/security.md.</summary>
    public string Description { get; }
    public IReadOnlyList<string> Roles { get; }
    public OperationScope Scope { get; }

    public bool RoleAllows(ClaimsPrincipal user) => Roles.Any(user.IsInRole);

    public override string ToString() => $"{Feature}.{Name}";
}

/// <summary>The steps of the request workflow as the request page names them (its forms post the step's name).</summary>
public enum RequestAction
{
    Register,
    ConfirmReceipt,
    RequestCorrection,
    ReceiveCorrection,
    LapseCorrection,
    StartConsultation,
    EndConsultation,
    Extend,
    SetReasonableDeadline,
    RequestReasons,
    RecordReasons,
    RecordAssistance,
    SendFeeNotice,
    RecordFeePaid,
    LapseFee,
    Decide,
    Deliver,
    RecordDelivery,
    Archive,
    Withdraw,
    Assign,
    ReadPersonalData,
}

/// <summary>
/// Who may do what, for every feature, in one place. Pages, the API and the personal-data view ask
/// <see cref="StaffAuthorization"/> about these operations; no page tests a role itself.
/// <c>AuthorizationTests</c> writes the operation × role table of docs/security.md from this list.
/// </summary>
public static class StaffOperations
{
    private static readonly string[] Caseworkers = [StaffRoles.Clerk, StaffRoles.Handler, StaffRoles.Approver];
    private static readonly string[] Handling = [StaffRoles.Handler, StaffRoles.Approver];
    private static readonly string[] Writers = [StaffRoles.Publisher, StaffRoles.Approver];
    private static readonly string[] Head = [StaffRoles.Approver];
    private static readonly string[] Administrators = [StaffRoles.Administrator];

    /// <summary>依申请公开. Supervisors read; publishers and administrators see requests masked and take no step.</summary>
    public static class Requests
    {
        private static readonly string[] Intake = [StaffRoles.Clerk, StaffRoles.Handler];

        private static readonly IReadOnlyDictionary<RequestAction, StaffOperation> Steps = Enum.GetValues<RequestAction>()
            .ToDictionary(a => a, a => new StaffOperation("requests", a.ToString(), Describe(a), RolesFor(a)));

        public static StaffOperation Step(RequestAction action) => Steps[action];

        public static StaffOperation Register => Step(RequestAction.Register);

        /// <summary>The applicant's name, ID number, phone, e-mail and address in full (<see cref="PersonalDataView"/>).</summary>
        public static StaffOperation ReadPersonalData => Step(RequestAction.ReadPersonalData);

        /// <summary>Import a ledger of past cases: it carries applicants' personal data.</summary>
        public static readonly StaffOperation ImportLedger = new("requests", "ImportLedger", "导入往年台账", Caseworkers);

        /// <summary>Art. 44: see the groups of requests several applicants sent for the same information.</summary>
        public static readonly StaffOperation FindSameInformation = new("requests", "FindSameInformation", "查看相同政府信息的申请（第四十四条）", Caseworkers);

        /// <summary>Art. 44: link such a group to a document already published (publishing one for it is publications' Edit and Publish).</summary>
        public static readonly StaffOperation LinkSameInformation = new("requests", "LinkSameInformation", "将相同政府信息的申请关联到已主动公开的文件（第四十四条）", Handling);

        internal static IEnumerable<StaffOperation> All => Steps.Values.Append(ImportLedger).Append(FindSameInformation).Append(LinkSameInformation);

        private static string[] RolesFor(RequestAction action) => action switch
        {
            RequestAction.Register => [StaffRoles.Clerk],
            RequestAction.ConfirmReceipt or RequestAction.ReceiveCorrection or RequestAction.RecordFeePaid or RequestAction.Deliver
                or RequestAction.RecordDelivery or RequestAction.Archive or RequestAction.Withdraw => Intake,
            RequestAction.RequestCorrection or RequestAction.LapseCorrection or RequestAction.StartConsultation or RequestAction.EndConsultation
                or RequestAction.SendFeeNotice or RequestAction.LapseFee or RequestAction.Decide or RequestAction.RequestReasons
                or RequestAction.RecordReasons => Handling,
            // Art. 43: whoever meets the applicant gives the help and records it.
            RequestAction.RecordAssistance => Caseworkers,
            // Art. 33 ¶2: an extension needs the head of the disclosure office.
            RequestAction.Extend or RequestAction.SetReasonableDeadline => Head,
            // 分办: whoever registers requests, or the head of the office, gives them to a handler.
            RequestAction.Assign => [StaffRoles.Clerk, StaffRoles.Approver],
            RequestAction.ReadPersonalData => Caseworkers,
            _ => throw new ArgumentOutOfRangeException(nameof(action), action, null),
        };

        private static string Describe(RequestAction action) => action switch
        {
            RequestAction.Register => "登记申请",
            RequestAction.ConfirmReceipt => "确认收到申请",
            RequestAction.RequestCorrection => "告知补正",
            RequestAction.ReceiveCorrection => "收到补正",
            RequestAction.LapseCorrection => "补正逾期",
            RequestAction.StartConsultation => "征求第三方意见",
            RequestAction.EndConsultation => "结束征求意见",
            RequestAction.Extend => "延期答复（第三十三条）",
            RequestAction.SetReasonableDeadline => "确定合理期限（第三十五条）",
            RequestAction.RequestReasons => "要求说明理由（第三十五条）",
            RequestAction.RecordReasons => "登记说明的理由",
            RequestAction.RecordAssistance => "登记提供的帮助（第四十三条）",
            RequestAction.SendFeeNotice => "发出收费通知",
            RequestAction.RecordFeePaid => "登记已缴费",
            RequestAction.LapseFee => "缴费逾期",
            RequestAction.Decide => "作出答复",
            RequestAction.Deliver => "送达答复",
            RequestAction.RecordDelivery => "登记送达日期",
            RequestAction.Archive => "归档",
            RequestAction.Assign => "分办、改派承办人",
            RequestAction.Withdraw => "登记撤回",
            RequestAction.ReadPersonalData => "查看申请人个人信息全文",
            _ => action.ToString(),
        };
    }

    /// <summary>行政复议、行政诉讼.</summary>
    public static class Appeals
    {
        public static readonly StaffOperation Record = new("appeals", "Record", "登记和更新行政复议、行政诉讼", Handling);
    }

    /// <summary>互动交流: leader mailbox, complaints, inquiries.</summary>
    public static class Letters
    {
        /// <summary>Register a letter by phone or post, 分办 and 转办, turn a request's complaint into a letter.</summary>
        public static readonly StaffOperation Assign = new("letters", "Assign", "登记来信、分办、转办", Caseworkers);
        /// <summary>Reply, close, reopen.</summary>
        public static readonly StaffOperation Reply = new("letters", "Reply", "答复、办结、重新打开", Handling);
        public static readonly StaffOperation Approve = new("letters", "Approve", "审核答复", Head);
        public static readonly StaffOperation Publish = new("letters", "Publish", "在网站公开或撤销公开", Writers);
        public static readonly StaffOperation Configure = new("letters", "Configure", "栏目设置", [StaffRoles.Approver, StaffRoles.Administrator]);
        /// <summary>The writer's name, phone, e-mail and address in full (<see cref="PersonalDataView"/>).</summary>
        public static readonly StaffOperation ReadPersonalData = new("letters", "ReadPersonalData", "查看来信人个人信息全文", Caseworkers);
    }

    /// <summary>主动公开: documents, interpretations, the catalog, the guide and the gazette.</summary>
    public static class Publications
    {
        /// <summary>Draft and change documents, interpretations, the catalog tree, the guide and the gazette.</summary>
        public static readonly StaffOperation Edit = new("publications", "Edit", "起草和修改文件、解读、目录、指南和政府公报，登记废止、失效", Writers);
        /// <summary>保密审查: 审核人（机构负责人）.</summary>
        public static readonly StaffOperation Review = new("publications", "Review", "保密审查", Head);
        public static readonly StaffOperation Publish = new("publications", "Publish", "发布", Writers);
    }

    /// <summary>The annual report and its Art. 20 figures.</summary>
    public static class Reports
    {
        /// <summary>Write the narrative, hand-entered tables and Art. 20 figures; submit for review; publish an approved report.</summary>
        public static readonly StaffOperation Write = new("reports", "Write", "撰写年度报告、填报第二十条数据、提交审核、发布", Writers);
        /// <summary>Approve (lock the year's figures) and reopen with a reason.</summary>
        public static readonly StaffOperation Approve = new("reports", "Approve", "定稿、撤回定稿", Head);
    }

    /// <summary>监督: the 政务公开办's view of its whole tree — figures, drill-down, exports, 通报.</summary>
    public static class Supervision
    {
        /// <summary>The supervision dashboard of the agencies in the staff member's subtree, its exports and 通报.</summary>
        public static readonly StaffOperation Read = new("supervision", "Read", "查看监督看板、导出统计和通报", [StaffRoles.Supervisor, StaffRoles.Administrator]);

        /// <summary>
        /// Published reports of the tree's agencies (mostly not on the platform) checked and kept with their findings, and
        /// deleted; on its own because it writes, while <see cref="Read"/> only reads.
        /// </summary>
        public static readonly StaffOperation CheckReports = new("supervision", "CheckReports", "检查并保存下级机关发布的年度报告、修改或删除检查记录", [StaffRoles.Supervisor, StaffRoles.Administrator]);
    }

    /// <summary>期限提醒: deadline reminders by e-mail, the daily digest and the dashboard's panel (docs/reminders.md).</summary>
    public static class Reminders
    {
        /// <summary>An agency's reminder settings: on or off, how early, to whom, the daily digest.</summary>
        public static readonly StaffOperation Configure = new("reminders", "Configure", "期限提醒和每日汇总设置", Administrators);
        /// <summary>The dashboard's panel lists the whole agency's requests falling due, not only one's own.</summary>
        public static readonly StaffOperation Oversee = new("reminders", "Oversee", "在工作台查看本机关全部临近到期和超期的申请", Head);
    }

    /// <summary>The platform itself: agencies, accounts, the audit log, deployment-wide settings.</summary>
    public static class Administration
    {
        /// <summary>Agencies, staff accounts, the audit log: the routes of <see cref="StaffPolicies.Administrator"/>, within the subtree.</summary>
        public static readonly StaffOperation Administer = new("administration", "Administer", "新建和修改机关、管理账号、查看审计日志", Administrators);
        /// <summary>The holiday schedule and notice templates: one for the whole deployment.</summary>
        public static readonly StaffOperation ConfigureDeployment = new("administration", "ConfigureDeployment", "节假日安排、文书模板（全平台）", Administrators, OperationScope.Deployment);
    }

    /// <summary>
    /// Every operation, in the order of this file. Computed when asked, not when this class is initialized: the
    /// feature classes' own initialization may be what is running then.
    /// </summary>
    public static IReadOnlyList<StaffOperation> All => Requests.All
        .Concat(Fields(typeof(Appeals))).Concat(Fields(typeof(Letters))).Concat(Fields(typeof(Publications)))
        .Concat(Fields(typeof(Reports))).Concat(Fields(typeof(Supervision))).Concat(Fields(typeof(Reminders))).Concat(Fields(typeof(Administration))).ToList();

    private static IEnumerable<StaffOperation> Fields(Type type) =>
        type.GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.FieldType == typeof(StaffOperation)).Select(f => (StaffOperation)f.GetValue(null)!);
}
