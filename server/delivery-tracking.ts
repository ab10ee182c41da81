// Whether provider delivery reports can reach us: SendGrid events need the
// webhook's public key, Twilio callbacks need a public URL. Set once at start from
// the validated config, read by the incident view, whose callers pass no config.
import type { AppConfig } from '../app.config';

let tracked = { email: false, sms: false };

export function setDeliveryTracking(config: Pick<AppConfig, 'publicUrl' | 'sendgridWebhookPublicKey'>): void {
  tracked = { email: Boolean(config.publicUrl && config.sendgridWebhookPublicKey), sms: Boolean(config.publicUrl) };
}

export function deliveryTracking(): { email: boolean; sms: boolean } {
  return tracked;
}
