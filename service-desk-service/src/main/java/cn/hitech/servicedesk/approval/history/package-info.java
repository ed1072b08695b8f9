/**
 * 历史申请导入: the old one-window system's applications replayed through the live moves, each at its own instant on
 * the pinned {@link cn.hitech.servicedesk.clock.ReplayClock}, all or nothing, once per legacy number.
 */
package cn.hitech.servicedesk.approval.history;
