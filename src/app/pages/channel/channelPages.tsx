import {
  AreaChartOutlined,
  BarChartOutlined,
  FieldTimeOutlined,
  FlagOutlined,
  SwapOutlined,
} from '@ant-design/icons';
import type { PageDefinition } from '../../workspace/pages';
import {
  ChannelActivityPage,
  ChannelDaysOfStockPage,
  ChannelNetShipmentsPage,
  ChannelTwoSourcesPage,
} from '../reports/ReportPages';
import { ChannelBoardPage } from './ChannelBoardPage';

/** 进销存动态 (DOMAIN.md §9): the offices' reports coming in, and the figures made of them. */
export const channelPages: PageDefinition[] = [
  {
    key: 'channel-board',
    path: '/channel/board',
    group: 'channel',
    title: 'page.channelBoard',
    icon: <FieldTimeOutlined />,
    permission: 'channel.view',
    component: ChannelBoardPage,
  },
  {
    key: 'report-channel-net-shipments',
    path: '/channel/reports/net-shipments',
    group: 'channel',
    title: 'page.reportChannelNetShipments',
    icon: <BarChartOutlined />,
    permission: 'channel.view',
    component: ChannelNetShipmentsPage,
  },
  {
    key: 'report-channel-days-of-stock',
    path: '/channel/reports/days-of-stock',
    group: 'channel',
    title: 'page.reportChannelDaysOfStock',
    icon: <AreaChartOutlined />,
    permission: 'channel.view',
    component: ChannelDaysOfStockPage,
  },
  {
    key: 'report-channel-two-sources',
    path: '/channel/reports/two-sources',
    group: 'channel',
    title: 'page.reportChannelTwoSources',
    icon: <SwapOutlined />,
    permission: 'channel.view',
    component: ChannelTwoSourcesPage,
  },
  {
    key: 'report-channel-activity',
    path: '/channel/reports/activity',
    group: 'channel',
    title: 'page.reportChannelActivity',
    icon: <FlagOutlined />,
    permission: 'channel.view',
    component: ChannelActivityPage,
  },
];
