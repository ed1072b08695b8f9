// The zh-CN labels of the codes the services answer with, written once and worded exactly as the services' enums word
// them (TicketChannel, TicketStatus, ApplicationStatus, ItemStatus, ProjectLevel …), so every page names a code the same
// way; and the tags every page draws: a status, a red/yellow/green colour, and the deadline of a running limit in
// working time. Where an answer carries its own *Label field, show that; these tables are for codes without one
// (filters, chart categories, counts by code).
//
// A table is a list of [code, label] pairs in the order the enum declares them (charts and filters keep that order).

import {html, nothing} from 'lit';
import {fmt} from './format.js';

/** 受理渠道 (service-desk TicketChannel). */
export const TICKET_CHANNELS = [
  ['HOTLINE', '8951234热线'], ['WEB', '网上诉求'], ['QR_CODE', '助企码'], ['GRID_STAFF', '网格员上报'],
  ['TRANSFER_12345', '12345转办'], ['PROJECT_PROBLEM', '项目问题'],
];
/** 工单状态 (TicketStatus). */
export const TICKET_STATUSES = [
  ['REGISTERED', '已受理'], ['DISPATCHED', '已派单'], ['RETURNED', '已退单'], ['SIGNED', '已签收'], ['SUSPENDED', '已挂起'],
  ['RESOLVED', '已办结'], ['CLOSED', '已关闭'], ['MERGED', '已并单'],
];
/** 诉求类别 (TicketCategory). */
export const TICKET_CATEGORIES = [
  ['CONSULTATION', '咨询'], ['REQUEST', '求助'], ['COMPLAINT', '投诉'], ['SUGGESTION', '建议'], ['PRAISE', '表扬'],
];
/** 回访满意度 (Satisfaction). */
export const SATISFACTIONS = [['SATISFIED', '满意'], ['BASICALLY_SATISFIED', '基本满意'], ['UNSATISFIED', '不满意']];

/** 一件事申请的状态 (service-desk approval ApplicationStatus). */
export const APPLICATION_STATUSES = [
  ['SUBMITTED', '已提交，待预审'], ['CORRECTION_REQUESTED', '待补正材料'], ['IN_PROGRESS', '办理中'],
  ['COMPLETED', '已办结'], ['PARTLY_REFUSED', '已办结（部分事项不予许可）'],
];
/** 事项的状态 (ItemStatus). */
export const ITEM_STATUSES = [
  ['WAITING', '待受理'], ['IN_PROGRESS', '办理中'], ['CORRECTION', '待补正材料'], ['APPROVED', '已批准'], ['REFUSED', '不予许可'],
];

/** 企业规模 (enterprise EnterpriseScale). */
export const SCALES = [['ABOVE_SCALE', '规上'], ['BELOW_SCALE', '规下']];
/** 资质级别 (QualificationLevel). */
export const QUALIFICATION_LEVELS = [['NATIONAL', '国家级'], ['PROVINCIAL', '省级'], ['MUNICIPAL', '市级']];
/** 政策兑现方式 (PolicyMode). */
export const POLICY_MODES = [['AUTO', '免申即享'], ['APPLY', '快申快享']];
/** 帮办代办授权范围 (AgencyScope). */
export const AGENCY_SCOPES = [['TICKETS', '诉求工单'], ['APPROVALS', '一件事申请'], ['POLICIES', '惠企政策']];
/** 代办人 (AgentKind). */
export const AGENT_KINDS = [['COMMISSIONER', '服务专员'], ['HELPER', '帮办员']];

/** 项目阶段 (project ProjectStatus). */
export const PROJECT_STAGES = [
  ['RESERVE', '储备'], ['SIGNED', '签约'], ['STARTED', '开工'], ['COMPLETED', '竣工'], ['IN_OPERATION', '投产'], ['AT_CAPACITY', '达效'],
];
/** 项目级别 (ProjectLevel). */
export const PROJECT_LEVELS = [
  ['PROVINCIAL_MAJOR', '省重大'], ['PROVINCIAL_KEY', '省重点'], ['MUNICIPAL_KEY', '市重点'], ['DISTRICT_KEY', '区重点'],
];
/** 产业链 (IndustryChain). */
export const INDUSTRY_CHAINS = [
  ['HIGH_END_EQUIPMENT', '高端装备'], ['PHARMA_HEALTH', '医药健康'], ['NEW_MATERIALS_ENERGY', '新材料新能源'],
  ['NEXT_GENERATION_IT', '新一代信息技术'], ['AUTO_PARTS', '汽车及零部件'], ['MODERN_SERVICES', '现代服务业'], ['OTHER', '其他'],
];
/** 项目预警 (WarningColour). */
export const WARNING_COLOURS = [['GREEN', '绿灯'], ['YELLOW', '黄灯'], ['RED', '红灯']];

/** The label of a code in a table (a list of [code, label] pairs, or an object code → label); the code itself if unknown. */
export function label(table, code) {
  if (code === null || code === undefined || code === '') return '—';
  const found = Array.isArray(table) ? table.find(([c]) => c === code) : null;
  return found ? found[1] : (Array.isArray(table) ? code : (table[code] || code));
}

/** A tag: grey, or RED / YELLOW / GREEN; with its status code as data-status when it names one. */
export function tag(text, colour, code) {
  return html`<span class="tag ${colour || ''}" data-status=${code ?? nothing}>${text}</span>`;
}

/** A status as the API labels it (its *Label field), with its code as data-status. */
export function statusTag(text, code, colour) {
  return tag(text || code, colour, code);
}

/** A red/yellow/green tag (a project's warning); none yet reads 未计算. */
export function colourTag(colour, text) {
  return colour ? tag(text || label(WARNING_COLOURS, colour), colour) : tag('未计算');
}

/** Working minutes as 工作小时 and minutes (a working day's length is the calendar's, so it is not guessed here). */
export function workingTime(minutes) {
  if (minutes === null || minutes === undefined) return '—';
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return hours > 0 ? hours + ' 工作小时' + (rest ? ' ' + rest + ' 分' : '') : rest + ' 工作分钟';
}

/**
 * 剩余工作时间: the API's working minutes left (negative once overdue); a limit that fell due outside office hours has
 * no working minute left yet none overdue: 已到期.
 */
export function workingTimeLeft(minutes, colour) {
  if (minutes === null || minutes === undefined) return '—';
  if (minutes === 0 && colour === 'RED') return '已到期';
  return minutes < 0 ? '已超时 ' + workingTime(-minutes) : '剩余 ' + workingTime(minutes);
}

const DEADLINE_STATES = {GREEN: '正常', YELLOW: '临期', RED: '超时'};

/**
 * The deadline of a running limit (sla: {limitLabel?, deadline, workingMinutesLeft, colour, paused}) as a tag in its
 * colour: 正常 / 临期 and the working time left, or how long it is overdue; `className` adds a page's own class.
 */
export function deadlineTag(sla, className) {
  if (!sla) return tag('无计时');
  const left = workingTimeLeft(sla.workingMinutesLeft, sla.colour);
  const overdue = sla.workingMinutesLeft < 0 || left === '已到期';
  const state = (overdue ? '' : (DEADLINE_STATES[sla.colour] || '') + ' · ') + left;
  return html`<span class="tag ${sla.colour || ''} ${className || ''}" data-colour=${sla.colour || nothing}
      title=${(sla.limitLabel || '时限') + '：' + fmt.dateTime(sla.deadline) + '（按工作时间计）'}>${state}${sla.paused ? '（已暂停计时）' : ''}</span>`;
}
