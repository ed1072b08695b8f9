/**
 * 一件事压减率, measured, not declared: {@link cn.hitech.servicedesk.approval.report.ReductionsService} reads the
 * applications decided in a period, their items and their move history, and sets them against the baselines of their
 * own catalogue version (法定时限, the old way item by item); the formulas are in the OpenAPI description.
 */
package cn.hitech.servicedesk.approval.report;
