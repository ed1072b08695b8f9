/**
 * 一件事一次办: the catalogue of one-thing approvals, its 一次告知 notice and its 一表申请 form.
 *
 * <h2>The definition model (one version of a thing, {@link cn.hitech.servicedesk.approval.ThingDefinition})</h2>
 * <ul>
 * <li><b>Thing</b> (一件事): code (for ever), name, description, {@code visits} (跑动次数 in the new way), and three lists
 * defined once each: {@code items}, {@code materials}, {@code fields}. Items refer to materials and fields by code, so
 * one material or field serves several items and is asked once.</li>
 * <li><b>Item</b> (事项): code, name, owning {@code department} (a code of the {@code department} table),
 * {@code statutoryDays} (法定时限) ≥ {@code promisedDays} (承诺时限), both in working days on the shared calendar; the
 * {@code steps} it moves through after one-window acceptance begins (环节, in order; the first is 受理); the material and
 * field codes it needs; an optional {@code condition}; {@code oldWay} (how it was done on its own before: steps,
 * visits, materials, days); and the {@code certificate} (证照) it issues, if any.</li>
 * <li><b>Step</b>: code, name, and {@code countersign}: the departments that must each sign off (会签) before the step
 * is done. Steps are the same for every application of one version.</li>
 * <li><b>Material</b> (材料): code, name, ORIGINAL or COPY, copies, note.</li>
 * <li><b>Field</b>: code (camelCase, the key of {@code answers}), label, type (TEXT, NUMBER, DATE, CHOICE with
 * options, CREDIT_CODE, ID_NUMBER, AMOUNT, BOOLEAN), {@code required}, optional {@code prefill} source
 * ({@code enterprise.name} …). A field no item names is a question of the whole thing (e.g. what a condition asks).</li>
 * <li><b>Condition</b>: {@code field} EQUALS {@code value} / IN {@code values} / IS_TRUE. Its field must be required,
 * so a complete submission decides every item ({@link cn.hitech.servicedesk.approval.Applicability}).</li>
 * </ul>
 *
 * <h2>For the application flow</h2>
 * An application records {@code (thing code, version)} at submission and reads that version ever after with
 * {@link cn.hitech.servicedesk.approval.ApprovalCatalogue#version}; versions are immutable (a change publishes a new
 * one). On submission call {@link cn.hitech.servicedesk.approval.AnswerCheck#requireValid}: it returns the items that
 * apply (each becomes one parallel task of its department, moving through its steps, countersigned steps waiting for
 * every named department) or throws the 422 listing every bad answer. The 一次告知 of the application is
 * {@link cn.hitech.servicedesk.approval.OneNotice} for its answers: the one list of materials a 补正 request picks from.
 * Item deadlines are {@code promisedDays} working days on the calendar; {@code statutoryDays} and {@code oldWay} are
 * the baselines of the measured reductions. {@code approval_item_version} indexes each version's items by department
 * (with a foreign key) for joins (an item task can reference it); {@code approval_material_use} indexes material uses.
 */
package cn.hitech.servicedesk.approval;
