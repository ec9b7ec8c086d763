import { Clock } from '@app/domain';
import { Injectable } from '@nestjs/common';

@Injectable()
export class NodeClock extends Clock {
  now(): Date {
    return new Date();
  }
}
