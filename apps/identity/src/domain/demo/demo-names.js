"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.MOBILE_PREFIXES = exports.GIVEN_NAMES = exports.SURNAMES = exports.DEMO_ENTERPRISES = void 0;
exports.DEMO_ENTERPRISES = [
    { name: '北京青禾农业科技有限公司', region: '110105' },
    { name: '上海浦江精密机械制造有限公司', region: '310115' },
    { name: '深圳市南山云帆信息技术有限公司', region: '440305' },
    { name: '杭州西湖茶语文化创意有限公司', region: '330106' },
    { name: '苏州吴中丝路纺织品有限公司', region: '320506' },
    { name: '成都武侯蜀味餐饮管理有限公司', region: '510107' },
    { name: '武汉江城绿能环保设备有限公司', region: '420106' },
    { name: '厦门思明海韵进出口贸易有限公司', region: '350203' },
    { name: '青岛市南蓝湾物流有限公司', region: '370202' },
    { name: '长沙岳麓星辰教育咨询有限公司', region: '430104' },
    { name: '西安雁塔秦川医疗器械有限公司', region: '610113' },
    { name: '天津滨海新航船舶配件有限公司', region: '120116' },
];
exports.SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴', '徐', '孙', '胡', '朱', '高', '林'];
exports.GIVEN_NAMES = ['建国', '志强', '秀英', '丽娟', '海峰', '晓东', '慧敏', '文博', '子涵', '国华', '春梅', '永刚', '雅琴', '明远'];
exports.MOBILE_PREFIXES = ['138', '139', '135', '150', '151', '158', '186', '187', '188', '177', '199'];
//# sourceMappingURL=demo-names.js.map