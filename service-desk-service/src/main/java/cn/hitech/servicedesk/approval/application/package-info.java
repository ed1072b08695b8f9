/**
 * 一件事申请: the application flow on top of the versioned catalogue (一表申请, 一窗受理, 并联办理, 一次办结).
 *
 * <ul>
 * <li>{@link cn.hitech.servicedesk.approval.application.ApplicationService}: submission (one number, the catalogue
 * version kept), 预审 (accept, or 一次性告知补正 once), supply, visits counted.</li>
 * <li>{@link cn.hitech.servicedesk.approval.application.ItemMoves}: the items' moves
 * ({@link cn.hitech.servicedesk.approval.application.ItemTransition} is the table), 会签, item 补正 pausing that item's
 * clock, and the one completion with certificates, the result notice and {@code approval.completed}.</li>
 * <li>{@link cn.hitech.servicedesk.approval.application.ApplicationStore}: the one place anything moves — under the
 * application's row lock, naming the application's version (item moves too: the simplest rule, and it makes two last
 * approvals at the same moment safe), history in {@code approval_move}, audit, {@code approval.status.changed}.</li>
 * <li>{@link cn.hitech.servicedesk.approval.application.LicenceLibrary}: 证照库 and 证照免提交.</li>
 * <li>{@link cn.hitech.servicedesk.approval.application.ApprovalSupervisionJob}: 催办 at yellow, 督办 at red, once each.</li>
 * <li>{@link cn.hitech.servicedesk.clock.ReplayClock}: the instant moves are made at; the history import
 * ({@code approval.history}) pins it to each replayed move's instant.</li>
 * </ul>
 */
package cn.hitech.servicedesk.approval.application;
