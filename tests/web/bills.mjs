// A long 费用清单 as a hospital prints it (tab separated, with a header), and the items the engine should get.
export function bill(n) {
  const classes = [['甲类', 'class_a'], ['乙类', 'class_b'], ['自费', 'out_of_catalogue']];
  const lines = ['项目名称\t医保类别\t数量\t单价\t金额\t自付比例'];
  const items = [];
  for (let i = 0; i < n; i++) {
    const [zh, cls] = classes[i % 3];
    const price = `${(i % 97) + 1}.${String(i % 100).padStart(2, '0')}`;
    const ratio = cls === 'class_b' ? '10%' : cls === 'class_a' ? '0%' : '100%';
    lines.push(`药品${i + 1}\t${zh}\t1\t${price}\t${price}\t${ratio}`);
    items.push({ name: `药品${i + 1}`, class: cls, amount: price, ...(cls === 'class_b' ? { selfpay_ratio: '10%' } : {}) });
  }
  return { text: lines.join('\n'), items };
}
