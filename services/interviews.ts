import type { Interview, InterviewFeedbackRequest, InterviewList } from './contracts/interviews';
import type { RoomTicket } from './contracts/rtc';
import type { SubscriptionConsentList } from './contracts/subscriptions';
import { authorizedRequest } from './api';

const path = (id: string, action = '') => `/interviews/${encodeURIComponent(id)}${action}`;

export function listInterviews(): Promise<InterviewList> {
  return authorizedRequest<InterviewList>({ method: 'GET', path: '/interviews' });
}

export function getInterview(id: string): Promise<Interview> {
  return authorizedRequest<Interview>({ method: 'GET', path: path(id) });
}

export function acceptInterview(id: string, slot: string): Promise<Interview> {
  return authorizedRequest<Interview>({ method: 'POST', path: path(id, '/accept'), body: { slot } });
}

export function declineInterview(id: string, reason: string): Promise<Interview> {
  return authorizedRequest<Interview>({ method: 'POST', path: path(id, '/decline'), body: { reason } });
}

/** Other times for the HR to confirm. */
export function proposeInterviewTimes(id: string, slots: string[]): Promise<Interview> {
  return authorizedRequest<Interview>({ method: 'POST', path: path(id, '/propose'), body: { slots } });
}

export function sendInterviewFeedback(id: string, answer: InterviewFeedbackRequest): Promise<Interview> {
  return authorizedRequest<Interview>({ method: 'POST', path: path(id, '/feedback'), body: answer });
}

/** A ticket into the video room (409 with the reason outside its window). */
export function enterInterviewRoom(id: string): Promise<RoomTicket> {
  return authorizedRequest<RoomTicket>({ method: 'POST', path: path(id, '/room') });
}

/** The seeker's unused one-time consents (how many reminders are still paid for). */
export function listSubscriptions(): Promise<SubscriptionConsentList> {
  return authorizedRequest<SubscriptionConsentList>({ method: 'GET', path: '/subscriptions' });
}
